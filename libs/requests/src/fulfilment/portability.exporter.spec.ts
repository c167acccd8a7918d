import type { Register } from '@regula/engine';
import { medicalManagement, micromedic, softeraBaltic as softera } from '@regula/tenants';
import { PORTABILITY_CSV_HEADER, buildPortabilityExport, portabilityCsv, portableBases } from './portability.exporter';
import type { RecordView } from './subject-data';

const reg = (def: { registers: Register[] }, id: string) => def.registers.find((r) => r.id === id)!;
let n = 0;
function record(registerKey: string, categoryId: string, value: unknown, over: Partial<RecordView> = {}): RecordView {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, subjectId: 's', sourceSystemId: 'sys', externalId: `x-${n}`, registerKey, categoryId, value,
    collectedAt: new Date('2025-04-02T08:00:00Z'), anchors: {}, retentionDueAt: null, restrictedAt: null, restrictionReason: null, legalHold: false, erasedAt: null, ...over,
  };
}

describe('portability filter (GDPR Art. 20(1))', () => {
  it('takes data the subject provided where a purpose relies on consent or a contract', () => {
    expect(portableBases(reg(medicalManagement, 'portal-accounts'), 'account-email')).toEqual(['6(1)(b)']);
    expect(portableBases(reg(medicalManagement, 'direct-marketing'), 'marketing-contact')).toEqual(['6(1)(a)']);
    expect(portableBases(reg(softera, 'direct-marketing'), 'marketing-contact')).toEqual(['6(1)(a)']);
  });

  it('leaves out data the controller derived or observed, even on a contract', () => {
    expect(reg(medicalManagement, 'portal-accounts').dataCategories.find((c) => c.id === 'account-role')!.providedBySubject).toBe(false);
    expect(portableBases(reg(medicalManagement, 'portal-accounts'), 'account-role')).toEqual([]);
    expect(portableBases(reg(medicalManagement, 'direct-marketing'), 'interest-profile')).toEqual([]);
    expect(portableBases(reg(medicalManagement, 'customer-relationship'), 'call-recordings')).toEqual([]);
  });

  it('leaves out provided data processed only on legitimate interests or a legal obligation', () => {
    expect(reg(micromedic, 'marketing').dataCategories.find((c) => c.id === 'mk-contact')!.providedBySubject).toBe(true);
    expect(portableBases(reg(micromedic, 'marketing'), 'mk-contact')).toEqual([]); // 6(1)(f) only
    expect(portableBases(reg(medicalManagement, 'privacy-contacts'), 'requester-identity')).toEqual([]); // 6(1)(c) only
    expect(portableBases(reg(micromedic, 'accounting'), 'ac-records')).toEqual([]);
  });

  it('exports JSON and CSV of the portable records only, without erased ones', () => {
    const exp = buildPortabilityExport({
      controller: medicalManagement,
      registers: medicalManagement.registers,
      records: [
        record('portal-accounts', 'account-email', 'mari@example.ee'),
        record('portal-accounts', 'account-role', 'admin'),
        record('direct-marketing', 'marketing-contact', { email: 'mari@example.ee', phone: '+372 555 0000' }),
        record('direct-marketing', 'interest-profile', ['lasers']),
        record('log-data', 'log-data', '10.0.0.1'),
        record('portal-accounts', 'account-name', '-Mari', { erasedAt: new Date(), value: null }),
        record('retired-register', 'x', 'y'),
      ],
      request: { reference: 'R-P', locale: 'et' },
      now: new Date('2026-02-10T09:30:00Z'),
    });
    expect(exp.records.map((r) => [r.register, r.category, r.legalBases])).toEqual([
      ['portal-accounts', 'account-email', ['6(1)(b)']],
      ['direct-marketing', 'marketing-contact', ['6(1)(a)']],
    ]);
    expect(exp.excluded).toBe(4);
    expect(exp.records[0].registerName).toBe(tr(reg(medicalManagement, 'portal-accounts').name));
    const csv = portabilityCsv(exp);
    expect(csv.split('\r\n')[0]).toBe(PORTABILITY_CSV_HEADER.join(','));
    expect(csv).toContain('"{""email"":""mari@example.ee"",""phone"":""+372 555 0000""}"');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

function tr(t: { en: string; et?: string }): string {
  return t.et ?? t.en;
}
