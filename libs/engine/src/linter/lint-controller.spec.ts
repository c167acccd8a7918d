import { readFileSync } from 'fs';
import { join } from 'path';
import { LINT_CODES, kindOf } from './codes';
import { Finding, definitionErrors, publicationErrors, sortFindings } from './finding';
import { validController } from './fixtures/valid-controller.fixture';
import { lintController } from './lint-controller';
import { LINT_RULES } from './registry';

describe('lintController', () => {
  it('finds nothing in the valid fixture', () => {
    expect(lintController(validController())).toEqual([]);
  });

  it('does not change the definition', () => {
    const def = validController();
    def.dpo = 'none';
    const before = JSON.stringify(def);
    lintController(def);
    expect(JSON.stringify(def)).toBe(before);
  });

  it('lists errors first, then warnings, then info, keeping the order within each', () => {
    const f = (code: string, severity: Finding['severity']): Finding => ({ code, severity, kind: 'publication', path: code, message: code });
    const sorted = sortFindings([f('i1', 'info'), f('w1', 'warning'), f('e1', 'error'), f('w2', 'warning'), f('e2', 'error')]);
    expect(sorted.map((x) => x.code)).toEqual(['e1', 'e2', 'w1', 'w2', 'i1']);
  });

  it('survives a definition that is mostly missing', () => {
    const findings = lintController({ slug: 'x', notice: {} } as never);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((x) => ['art30-missing', 'missing-field'].includes(x.code) || x.severity !== 'error')).toBe(true);
    expect(definitionErrors(findings).map((x) => x.code)).toContain('missing-field');
  });

  it('gives every finding the kind of its code: definition errors refuse saving, the rest only publishing', () => {
    for (const [code, info] of Object.entries(LINT_CODES)) expect(kindOf(code)).toBe(info.kind);
    const findings = lintController({ slug: 'x', notice: {} } as never);
    for (const f of findings) expect(f.kind).toBe(kindOf(f.code));
    const errors = [
      { code: 'duplicate-id', severity: 'error', kind: 'definition', path: 'a', message: '' },
      { code: 'right-narrowed', severity: 'error', kind: 'publication', path: 'b', message: '' },
      { code: 'empty-section', severity: 'warning', kind: 'definition', path: 'c', message: '' },
    ] as Finding[];
    expect(definitionErrors(errors).map((f) => f.path)).toEqual(['a']);
    expect(publicationErrors(errors).map((f) => f.path)).toEqual(['a', 'b']);
  });
});

describe('rule registry', () => {
  it('has every catalogued code emitted by exactly one rule family', () => {
    const emitted = LINT_RULES.flatMap((r) => r.codes);
    expect([...emitted].sort()).toEqual(Object.keys(LINT_CODES).sort());
  });

  it('documents every code in the engine README', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Register linter'));
    for (const code of Object.keys(LINT_CODES)) expect(section).toContain(`\`${code}\``);
  });
});
