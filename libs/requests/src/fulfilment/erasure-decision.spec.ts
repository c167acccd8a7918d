import type { Register } from '@regula/engine';
import { medicalManagement, softeraBaltic as softera, inomedis } from '@regula/tenants';
import { decideErasure, restrictionText, type Restriction } from './erasure-decision';
import type { RecordView } from './subject-data';

const reg = (def: { registers: Register[] }, id: string) => def.registers.find((r) => r.id === id)!;

function record(registerKey: string, categoryId: string, over: Partial<RecordView> = {}): RecordView {
  return {
    id: '00000000-0000-4000-8000-000000000001', subjectId: 's', sourceSystemId: 'sys', externalId: 'x-1', registerKey, categoryId,
    value: 'v', collectedAt: new Date('2025-03-10T10:00:00Z'), anchors: {}, retentionDueAt: null, restrictedAt: null,
    restrictionReason: null, legalHold: false, erasedAt: null, ...over,
  };
}

const now = new Date('2026-01-15T12:00:00Z');
const lt = { timeZone: 'Europe/Vilnius', now };
const ee = { timeZone: 'Europe/Tallinn', now };
const lv = { timeZone: 'Europe/Riga', now };

describe('erasure decision table', () => {
  it('skips what is already erased', () => {
    expect(decideErasure(record('accounting', 'accounting-records', { erasedAt: now }), reg(softera, 'accounting'), lt)).toEqual({ action: 'skip', why: 'already-erased' });
  });

  it('keeps a record under a legal hold, whatever its register says', () => {
    const r = record('direct-marketing', 'marketing-contact', { legalHold: true });
    expect(decideErasure(r, reg(softera, 'direct-marketing'), lt)).toEqual({ action: 'keep', why: 'legal-hold' });
  });

  it('restricts Softera accounting records until 10 years after the end of the financial year (legal obligation, Art. 17(3)(b))', () => {
    const d = decideErasure(record('accounting', 'accounting-records'), reg(softera, 'accounting'), lt) as Restriction;
    expect(d).toMatchObject({ action: 'restrict', why: 'legal-obligation', ruleId: 'accounting-documents', purposeId: 'accounting', keepUntilDate: '2035-12-31' });
    const text = restrictionText(d, 'en');
    expect(text).toMatch(/^Law on Accounting of the Republic of Lithuania/);
    expect(text).toContain('10 years from the end of the financial year');
    expect(text).toMatch(/kept until 2035-12-31$/);
    expect(restrictionText(d, 'lt')).toMatch(/saugoma iki 2035-12-31$/);
  });

  it('erases accounting records whose statutory period has ended', () => {
    const old = record('accounting', 'accounting-records', { collectedAt: new Date('2014-06-01T10:00:00Z') });
    expect(decideErasure(old, reg(softera, 'accounting'), lt)).toEqual({ action: 'erase', why: 'retention-ended' });
  });

  it('erases data processed under a legal obligation when the register ties no retention period to its law (Softera: duty to answer courts)', () => {
    expect(decideErasure(record('clients', 'client-identity'), reg(softera, 'clients'), lt)).toEqual({ action: 'erase', why: 'no-retention-duty' });
  });

  it('erases consent-based marketing data', () => {
    expect(decideErasure(record('direct-marketing', 'marketing-contact'), reg(softera, 'direct-marketing'), lt)).toEqual({ action: 'erase', why: 'no-legal-obligation' });
  });

  it('erases records of a register no longer defined', () => {
    expect(decideErasure(record('gone', 'x'), undefined, lt)).toEqual({ action: 'erase', why: 'unknown-register' });
  });

  it('Medical Management: keeps contracts for the Accounting Act only (seven years from the financial year end), even while the contract runs', () => {
    const d = decideErasure(record('customer-relationship', 'contract-history'), reg(medicalManagement, 'customer-relationship'), ee) as Restriction;
    expect(d).toMatchObject({ action: 'restrict', ruleId: 'accounting-source-documents', keepUntilDate: '2032-12-31' });
    expect(restrictionText(d, 'en')).toBe(
      'Estonian Accounting Act, § 12 (retention of accounting source documents): the statutory retention period of accounting source documents runs: seven years from the end of the financial year; kept until 2032-12-31',
    );
    // the name is processed for accounting too, but its rule is the customer-relationship default, not the Act
    expect(decideErasure(record('customer-relationship', 'crm-name'), reg(medicalManagement, 'customer-relationship'), ee)).toEqual({ action: 'erase', why: 'no-retention-duty' });
    expect(decideErasure(record('customer-relationship', 'call-recordings'), reg(medicalManagement, 'customer-relationship'), ee)).toEqual({ action: 'erase', why: 'no-legal-obligation' });
  });

  it('Inomedis: billing data kept five years after the financial year (statutory-storage condition of clause 29)', () => {
    const d = decideErasure(record('clients', 'billing', { collectedAt: new Date('2024-02-01T09:00:00Z') }), reg(inomedis, 'clients'), lv) as Restriction;
    expect(d).toMatchObject({ action: 'restrict', ruleId: 'clause-29', keepUntilDate: '2029-12-31' });
    expect(restrictionText(d, 'lv')).toMatch(/glabā līdz 2029-12-31$/);
    expect(decideErasure(record('clients', 'contract-service'), reg(inomedis, 'clients'), lv)).toMatchObject({ action: 'erase' });
  });

  it('restricts with an open end when the statutory period has not started (its anchor has not happened)', () => {
    const withFutureAnchor = reg(softera, 'accounting');
    const rule = { ...withFutureAnchor.retention[0], anchor: 'contract-ended' as const };
    const d = decideErasure(record('accounting', 'accounting-records'), { ...withFutureAnchor, retention: [rule] }, lt) as Restriction;
    expect(d).toMatchObject({ action: 'restrict', keepUntil: null, keepUntilDate: null });
    expect(restrictionText(d, 'en')).toMatch(/kept until the period ends \(it has not started yet\)$/);
  });
});
