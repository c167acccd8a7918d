import { diffPlans, displayValue, maskAddress, type FulfilmentPlan, type PlannedRecord } from './fulfilment-plan';

const rec = (recordId: string, action: PlannedRecord['action'], extra: Partial<PlannedRecord> = {}): PlannedRecord => ({
  recordId, register: 'crm', registerName: 'CRM', category: 'name', categoryName: 'Name', system: 'crm', action, ...extra,
});
const plan = (records: PlannedRecord[], webhooks: FulfilmentPlan['webhooks']): FulfilmentPlan => ({
  type: 'erasure', language: 'en', computedAt: '2026-01-01T00:00:00.000Z', summary: '', records, webhooks,
  subject: { channel: 'email', to: null, message: 'request-completed', summary: '', files: [] }, counts: {},
});

describe('diffPlans', () => {
  it('is the same when records and webhooks match, whatever the time', () => {
    const p = plan([rec('a', 'erase')], [{ system: 'crm', event: 'record.erased', items: 1 }]);
    expect(diffPlans(p, { ...p, computedAt: '2026-01-02T00:00:00.000Z' }).same).toBe(true);
  });

  it('names records added, removed and treated differently, and webhooks added, removed and resized', () => {
    const before = plan([rec('a', 'erase'), rec('b', 'erase'), rec('c', 'keep-by-law', { until: '2030-12-31' })], [
      { system: 'crm', event: 'record.erased', items: 2 }, { system: 'crm', event: 'record.restricted', items: 1 },
    ]);
    const after = plan([rec('a', 'erase'), rec('c', 'keep-by-law', { until: '2031-12-31' }), rec('d', 'erase')], [
      { system: 'crm', event: 'record.erased', items: 2 }, { system: 'crm', event: 'record.restricted', items: 1 }, { system: 'portal', event: 'record.erased', items: 1 },
    ]);
    const d = diffPlans(before, after);
    expect(d.same).toBe(false);
    expect(d.added.map((r) => r.recordId)).toEqual(['d']);
    expect(d.removed.map((r) => r.recordId)).toEqual(['b']);
    expect(d.changed.map((c) => [c.before.until, c.after.until])).toEqual([['2030-12-31', '2031-12-31']]);
    expect(d.webhooksAdded).toEqual([{ system: 'portal', event: 'record.erased', items: 1 }]);
    expect(d.webhooksRemoved).toEqual([]);
    const resized = diffPlans(after, plan(after.records, [{ system: 'crm', event: 'record.erased', items: 3 }]));
    expect(resized.webhooksChanged).toEqual([{ before: { system: 'crm', event: 'record.erased', items: 2 }, after: { system: 'crm', event: 'record.erased', items: 3 } }]);
    expect(resized.webhooksRemoved.map((w) => w.system)).toEqual(['crm', 'portal']);
  });
});

describe('rows that are not records', () => {
  it('compares consents, objection flags and listed disclosures by their id and what the plan says of them', () => {
    const before = plan([
      rec('consent-1', 'withdraw-consent', { until: '2026-01-05' }),
      rec('direct-marketing:marketing:offers', 'object', { kind: 'direct-marketing' }),
      rec('disclosure-1', 'report-disclosure', { recipient: 'IT serviss SIA', at: '2025-03-01T10:00:00.000Z' }),
    ], []);
    const after = plan([
      rec('consent-1', 'withdraw-consent', { until: '2026-01-08' }),
      rec('direct-marketing:marketing:offers', 'object', { kind: 'direct-marketing' }),
      rec('disclosure-1', 'report-disclosure', { recipient: 'IT Serviss SIA', at: '2025-03-01T10:00:00.000Z' }),
    ], []);
    const d = diffPlans(before, after);
    expect(d.changed.map((c) => c.after.recordId)).toEqual(['consent-1', 'disclosure-1']);
    expect(diffPlans(before, before).same).toBe(true);
  });
});

describe('masking', () => {
  it('hides a special category value and shortens long ones', () => {
    expect(displayValue('diabetes', true)).toBe('•••');
    expect(displayValue({ phone: '+372' }, false)).toBe('{"phone":"+372"}');
    expect(displayValue('x'.repeat(100), false)).toHaveLength(80);
  });
  it('keeps the first letter and the domain of an address', () => {
    expect(maskAddress('jaan@example.ee')).toBe('j•••@example.ee');
    expect(maskAddress(null)).toBeNull();
  });
});
