import type { PackWordGroup, PackWords } from '@regula/exports';
import { adminCatalogue } from '../admin/shared/admin-renderer';

/** Where the dashboard's catalogues keep the words of each group of a request's codes. */
const KEYS: Record<PackWordGroup, string> = { types: 'types', states: 'states', channels: 'requestExport.channels', events: 'events' };

/**
 * The evidence pack's words for a request's codes: the dashboard's (its
 * request pages and its requests export say the same), in the pack's
 * language; a code the catalogue has no words for stays the code.
 */
export const packWords: PackWords = (group, code, lang) => {
  const key = `${KEYS[group]}.${code}`;
  return adminCatalogue().has(lang, key) ? adminCatalogue().t(lang, key) : undefined;
};
