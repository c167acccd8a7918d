import { ConsentWrites } from './consent-writes.service';
import { DisclosureLog } from './disclosure-log.service';
import { ErasedRecordKeys } from './erased-record-keys.service';
import { ObjectionFlags } from './objection-flags.service';
import { RecordErasure } from './record-erasure.service';
import { RecordRectification } from './record-rectification.service';
import { RecordRestriction } from './record-restriction.service';
import { RecordRetention } from './record-retention.service';
import { StoreUpserts } from './store-upserts.service';

export * from './consent-writes.service';
export * from './disclosure-log.service';
export * from './erased-record-keys.service';
export * from './objection-flags.service';
export * from './record-erasure.service';
export * from './record-rectification.service';
export * from './record-restriction.service';
export * from './record-retention.service';
export * from './store-upserts.service';

/** Every write other libs make to the personal-data store's tables goes through one of these (they run in the caller's transaction). */
export const SUBJECT_WRITES = [ErasedRecordKeys, RecordErasure, RecordRestriction, RecordRetention, RecordRectification, ConsentWrites, ObjectionFlags, DisclosureLog, StoreUpserts];
