import type { Lang, Register } from '@regula/engine';
import type { ObjectionKind } from '@regula/subjects';
import type { PlannedRecord } from './fulfilment-plan';
import { tr } from './fulfilment-text';
import type { ConsentView, DisclosureView } from './subject-data';

/**
 * The rows of a plan that are not personal-data records: a consent withdrawn,
 * an objection flag, a disclosure listed in a report. They are shown and
 * compared (preview against result) like records, keyed by a stable id.
 */

/** A consent withdrawn by a consent withdrawal or an objection; `effectiveDate` is the local day it takes effect. */
export function plannedConsent(c: ConsentView, defs: Map<string, Register>, systems: Record<string, string>, lang: Lang, effectiveDate: string): PlannedRecord {
  const def = defs.get(c.registerKey);
  return {
    recordId: c.id,
    register: c.registerKey,
    registerName: tr(def?.name, lang) || c.registerKey,
    category: c.purposeId,
    categoryName: tr(def?.purposes.find((p) => p.id === c.purposeId)?.name, lang) || c.purposeId,
    // A consent given on Regula's own pages has no source system.
    system: c.sourceSystemId ? systems[c.sourceSystemId] ?? c.sourceSystemId : '',
    action: 'withdraw-consent',
    until: effectiveDate,
  };
}

/** An objection flag: per purpose, per register, or (both null) for everything the tenant does. */
export function plannedFlag(kind: ObjectionKind, register: Register | null, purposeId: string | null, lang: Lang): PlannedRecord {
  const purpose = purposeId ? register?.purposes.find((p) => p.id === purposeId) : undefined;
  return {
    // Stable across preview and act, so the difference compares like with like.
    recordId: `${kind}:${register?.id ?? '*'}:${purposeId ?? '*'}`,
    register: register?.id ?? '',
    registerName: register ? tr(register.name, lang) || register.id : '',
    category: purposeId ?? '',
    categoryName: purposeId ? tr(purpose?.name, lang) || purposeId : '',
    system: '',
    action: 'object',
    kind,
  };
}

/** A disclosure the recipients report lists. */
export function plannedDisclosure(d: DisclosureView, defs: Map<string, Register>, lang: Lang): PlannedRecord {
  const def = defs.get(d.registerKey);
  return {
    recordId: d.id,
    register: d.registerKey,
    registerName: tr(def?.name, lang) || d.registerKey,
    category: d.categories.join(','),
    categoryName: d.categories.map((c) => tr(def?.dataCategories.find((x) => x.id === c)?.name, lang) || c).join(', '),
    system: '',
    action: 'report-disclosure',
    recipient: d.recipientName,
    at: new Date(d.disclosedAt).toISOString(),
  };
}
