import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { PeriodRetentionRule } from '../../schema/retention';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const paths = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'retention-start-uncertain').map((f) => f.path);

describe('retention-start rule', () => {
  it('fires where the real tenants keep data until an event that may never come', () => {
    expect(paths(tenant('medical-management'))).toEqual(expect.arrayContaining([
      'registers[portal-accounts].retention[account-data].anchor',
      'registers[cloud-service].retention[cloud-content].conditions',
    ]));
    expect(paths(tenant('softera-baltic'))).toContain('registers[surveys-newsletters].retention[subscription].conditions');
    expect(paths(tenant('inomedis'))).toContain('registers[clients].retention[clause-29].conditions');
    expect(paths(tenant('micromedic'))).toEqual([]);
  });

  it('is a warning about storage limitation that names the events', () => {
    const [f] = lintController(tenant('medical-management')).filter((x) => x.code === 'retention-start-uncertain');
    expect(f).toMatchObject({ severity: 'warning', kind: 'publication' });
    expect(f.message).toMatch(/'account-closed'.*kept for ever.*Art\. 5\(1\)\(e\)/);
  });

  it('finds a period planted on consent withdrawal in Micromedic, and on account closure in the fixture', () => {
    const micro = tenant('micromedic');
    (micro.registers.find((r) => r.id === 'marketing')!.retention[0] as PeriodRetentionRule).anchor = 'consent-withdrawn';
    expect(paths(micro)).toEqual([expect.stringMatching(/^registers\[marketing\]\.retention\[[^\]]+\]\.anchor$/)]);
    const fixture = lintMutated((_d, r) => {
      const rule = r.retention.find((x) => x.kind === 'period') as PeriodRetentionRule;
      rule.anchor = 'account-closed';
    });
    expect(fixture.filter((f) => f.code === 'retention-start-uncertain')).toHaveLength(1);
  });

  it('accepts periods from events that always happen', () => {
    expect(lintMutated(() => undefined).filter((f) => f.code === 'retention-start-uncertain')).toEqual([]);
  });
});
