import { lintController } from '../linter/lint-controller';
import { TENANTS } from '@regula/tenants';
import { seed000AsPublished } from '../linter/fixtures/seed-000.fixture';
import { ControllerDefinition } from '../schema/controller';
import { canPublish, policyProblems } from './policy-completeness';
import { buildPolicyModel, formatExpiry } from './policy-model';
import { SOFTERA_STATED_IN_TEST, confirmedForTest } from '../provenance/confirm-all.fixture';

describe('policyProblems', () => {
  it.each(TENANTS.map((t) => [t.slug, t] as const))('%s: unconfirmed facts and the linter\'s legal (publication) errors are all that block it', (slug, def) => {
    const waiting = policyProblems(def);
    expect(waiting.filter((p) => p.code === 'unconfirmed-fact').length).toBeGreaterThan(0);
    expect(waiting.filter((p) => p.code !== 'unconfirmed-fact' && p.code !== 'lint-error')).toEqual([]);
    expect(canPublish(def)).toBe(false);
    // Once a person confirmed every assumed fact and stated every unknown one, only legal errors remain.
    const confirmed = confirmedForTest(def, slug === 'softera-baltic' ? SOFTERA_STATED_IN_TEST : {});
    const errors = lintController(confirmed).filter((f) => f.severity === 'error');
    expect(errors.every((f) => f.kind === 'publication')).toBe(true);
    expect(policyProblems(confirmed)).toHaveLength(errors.length);
    expect(canPublish(confirmed)).toBe(errors.length === 0);
  });

  it('refuses publishing on a publication error that does not refuse saving', () => {
    const def = confirmedForTest(structuredClone(TENANTS.find((t) => t.slug === 'medical-management')!));
    expect(canPublish(def)).toBe(true);
    def.requests.identity.default = 'signed-written-request';
    expect(policyProblems(def).map((p) => p.message)).toEqual([expect.stringMatching(/^request-form-disproportionate at requests\.identity\.default: /)]);
  });

  it('refuses seed 000 as published, with one empty-section per empty section', () => {
    const def = seed000AsPublished();
    const problems = policyProblems(def);
    expect(canPublish(def)).toBe(false);
    const empty = [...new Set(problems.filter((p) => p.code === 'empty-section').map((p) => p.section))].sort();
    expect(empty).toEqual(['cookies', 'data-and-subjects', 'purposes-and-bases', 'recipients', 'retention', 'rights']);
    expect(problems.some((p) => p.code === 'lint-error')).toBe(true);
  });

  it('does not count a section stated as none as empty', () => {
    const inomedis = TENANTS.find((t) => t.slug === 'inomedis') as ControllerDefinition;
    const model = buildPolicyModel(inomedis, 'en');
    expect(model.sections.transfers.none).toBe(true);
    expect(model.sections.transfers.empty).toBe(false);
  });

  it('reports a section one language lacks', () => {
    const base = TENANTS.find((t) => t.slug === 'micromedic') as ControllerDefinition;
    const def: ControllerDefinition = { ...base, children: { ...base.children, statement: { en: base.children.statement.en } } };
    const problems = policyProblems(def).filter((p) => p.code === 'missing-language-section');
    expect(problems).toEqual([expect.objectContaining({ section: 'children', lang: 'sv' })]);
  });
});

describe('buildPolicyModel', () => {
  it('formats cookie expiry', () => {
    expect(formatExpiry('session', 'en')).toBe('session');
    expect(formatExpiry({ minutes: 1 }, 'en')).toBe('1 minute');
    expect(formatExpiry({ years: 2 }, 'en')).toBe('2 years');
    expect(formatExpiry({ days: 30 }, 'sv')).toBe('30 dagar');
    expect(formatExpiry({ months: 13 }, 'lt')).toBe('13 mėnesių');
    expect(formatExpiry({ months: 2 }, 'lt')).toBe('2 mėnesiai');
    expect(formatExpiry({ years: 21 }, 'lv')).toBe('21 gads');
  });

  it('aggregates and resolves the language, marking English fallback', () => {
    const softera = TENANTS.find((t) => t.slug === 'softera-baltic') as ControllerDefinition;
    const m = buildPolicyModel(softera, 'lt');
    expect(m.sections.cookies.cookies.length).toBeGreaterThan(0);
    expect(m.sections.rights.requestPage).toBe('/t/softera-baltic/');
    expect(m.sections.rights.authority.name).toBe(softera.jurisdiction.authority.name);
    const names = m.sections.cookies.cookies.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(m.sections.controller.legalAddress).toBeUndefined();
    expect(m.sections.controller.email).toBeUndefined();
    const sv = buildPolicyModel(softera, 'sv');
    expect(sv.sections.children.statement.fallback).toBe(true);
  });
});
