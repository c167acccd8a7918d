import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, ConflictError, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { checkRequester } from '../file-request.validation';
import { RequestActor } from '../request-actor';
import { RequestJournal } from '../request-journal.service';
import { findByReference, loadFacts } from '../request-store';
import { relinkDuplicate } from '../duplicates';
import { FINAL_STATES } from '../request-types';
import { RightsRequestEntity } from '../rights-request.entity';
import { IntakeMessageEntity } from './intake-message.entity';

export interface RequesterCorrection {
  name: unknown;
  email: unknown;
}

/**
 * The admin corrects who made a request the e-mail intake filed. The intake
 * proposes the original's sender (an attached or quoted original of a
 * forward); where it found none, or read it wrongly, the requester would be
 * the admin who forwarded it, and every e-mail and the status link would go
 * to them. Only before identity is confirmed (it was confirmed for the person
 * on the request) and while the request is open; journaled for staff and
 * audited with the fields changed (the values stay on the request, not in the
 * audit log).
 */
@Injectable()
export class IntakeRequesterService {
  constructor(private readonly db: TenantDb, private readonly journal: RequestJournal, @Inject(CLOCK) private readonly clock: Clock) {}

  /** 400 naming `name` or `email`, 404 not an intake request of this tenant, 409 closed or identity confirmed. */
  async correct(tenantId: string, reference: string, input: RequesterCorrection, actor: RequestActor): Promise<RightsRequestEntity> {
    const errors: string[] = [];
    const { name, email } = checkRequester({ name: input?.name, email: input?.email }, errors, { emailRequired: true });
    if (errors.length) throw new InvalidInputError(errors);
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference, { lock: true });
      const msg = await em.findOne(IntakeMessageEntity, { where: { tenantId, requestId: req.id } });
      if (!msg) throw new NotFoundError(`request ${req.reference} did not come through the e-mail intake`);
      if (FINAL_STATES.includes(req.state)) throw new ConflictError(`the request is ${req.state}`);
      if (req.identityVerifiedAt) throw new ConflictError('identity was already confirmed for the requester on the request: the requester can no longer be changed');
      const changed = [...(req.requesterName !== name ? ['name'] : []), ...(req.requesterEmail !== email ? ['email'] : [])];
      if (!changed.length) return req;
      req.requesterName = name!;
      req.requesterEmail = email!;
      // The e-mail address is the one now on the request: one confirmed for the forwarder is not the requester's.
      req.emailVerifiedAt = null;
      // A forward was first filed under the forwarder: the duplicate flag follows the requester now named (duplicates.ts).
      await relinkDuplicate(em, await loadFacts(em, tenantId), req);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'requester-corrected', actor, visibleToSubject: false, at: this.clock(),
        note: 'Requester corrected', data: { key: 'requester-corrected', fields: changed },
        action: 'request.requester-corrected', details: { intakeMessageId: msg.id, forwarded: msg.forwarded, fields: changed },
      });
      return req;
    });
  }
}
