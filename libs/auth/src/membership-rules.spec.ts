import { AuditorWriteError, canManage, checkedEmail, checkedTerms } from './membership-rules';

const now = new Date('2026-11-22T10:00:00Z');
const later = new Date('2027-01-01T00:00:00Z');

describe('membership rules', () => {
  it('no gates (or none checked) means the role\'s permissions', () => {
    expect(checkedTerms({ role: 'auditor', gates: null, accessUntil: null }, now)).toEqual({ role: 'auditor', gates: null, accessUntil: null });
    expect(checkedTerms({ role: 'auditor', gates: [], accessUntil: null }, now).gates).toBeNull();
  });

  it('gates keep tenant:read, follow the permissions order, and equal to the role become null', () => {
    expect(checkedTerms({ role: 'auditor', gates: ['exports:read', 'audit:read'], accessUntil: later }, now)).toEqual({ role: 'auditor', gates: ['tenant:read', 'audit:read', 'exports:read'], accessUntil: later });
    const all = ['tenant:read', 'registers:read', 'audit:read', 'exports:read', 'systems:read', 'requests:read', 'breaches:read', 'retention:read', 'policies:read'];
    expect(checkedTerms({ role: 'auditor', gates: all, accessUntil: null }, now).gates).toBeNull();
  });

  it('refuses a write permission for an auditor by name, unknown permissions, unknown roles, and a past end date', () => {
    expect(() => checkedTerms({ role: 'auditor', gates: ['audit:read', 'requests:write', 'users:manage'], accessUntil: null }, now)).toThrow(AuditorWriteError);
    try {
      checkedTerms({ role: 'auditor', gates: ['requests:write', 'users:manage'], accessUntil: null }, now);
    } catch (e) {
      expect((e as AuditorWriteError).refused).toEqual(['requests:write', 'users:manage']);
    }
    expect(() => checkedTerms({ role: 'auditor', gates: ['root'], accessUntil: null }, now)).toThrow(/unknown permissions: root/);
    expect(() => checkedTerms({ role: 'owner', gates: null, accessUntil: null }, now)).toThrow(/role must be one of/);
    expect(() => checkedTerms({ role: 'auditor', gates: null, accessUntil: new Date('2026-11-01T00:00:00Z') }, now)).toThrow(/future/);
  });

  it('canManage: a compliance admin with users:manage whose access has not ended', () => {
    expect(canManage({ role: 'compliance-admin', gates: null, accessUntil: null }, now)).toBe(true);
    expect(canManage({ role: 'compliance-admin', gates: ['tenant:read', 'requests:read'], accessUntil: null }, now)).toBe(false);
    expect(canManage({ role: 'compliance-admin', gates: null, accessUntil: new Date('2026-11-21T00:00:00Z') }, now)).toBe(false);
    expect(canManage({ role: 'auditor', gates: null, accessUntil: null }, now)).toBe(false);
  });

  it('checkedEmail trims and lower-cases, refuses what is no address', () => {
    expect(checkedEmail('  Anna@Example.TEST ')).toBe('anna@example.test');
    for (const bad of ['', 'anna', 'anna@', '@example.test', 'a b@example.test', 42]) expect(() => checkedEmail(bad)).toThrow(/e-mail address/);
  });
});
