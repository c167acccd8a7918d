// @ts-check
// The lint rules themselves: what each reports on small snippets placed in the
// repository's zones, the layer table's cycle check, the configuration wiring
// the rules to the right folders, and docs/ARCHITECTURE.md printing the table.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ESLint, RuleTester } = require('eslint');
const tseslint = require('typescript-eslint');
const { LAYERS, TENANTS_MAY_IMPORT, checkLayers } = require('./layers');
const plugin = require('./plugin');
const { ROOT } = require('./zones');

const at = (/** @type {string} */ file) => path.join(ROOT, file);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const rules = /** @type {Record<string, import('eslint').Rule.RuleModule>} */ (plugin.rules);

tester.run('regula/one-door', rules['one-door'], {
  valid: [
    { filename: at('apps/api/src/x.ts'), code: "import { TenantsService } from '@regula/registers';" },
    { filename: at('libs/requests/src/x.ts'), code: "import { AuditService } from '@regula/audit'; import { y } from './fulfilment/y';" },
    { filename: at('test/x.e2e-spec.ts'), code: "import { TENANTS } from '@regula/tenants'; import { startApp } from './support/app';" },
    { filename: at('tenants/x/index.ts'), code: "import { defineController } from '@regula/engine'; import { refs } from '../refs';" },
    { filename: at('apps/api/src/x.ts'), code: "import { Injectable } from '@nestjs/common';" },
    { filename: at('test/support/x.ts'), code: "import { fakeSmtp } from '@regula/mail/testing';" },
    { filename: at('libs/exports/src/x.spec.ts'), code: "import { confirmedForTest } from '@regula/engine/testing';" },
  ],
  invalid: [
    { filename: at('apps/api/src/x.ts'), code: "import { TenantEntity } from '@regula/registers/tenant.entity';", errors: [{ messageId: 'deep' }] },
    { filename: at('libs/audit/src/x.ts'), code: "import type { TenantEntity } from '@regula/registers/tenant.entity';", errors: [{ messageId: 'deep' }] },
    { filename: at('test/x.e2e-spec.ts'), code: "export { x } from '@regula/platform/database/x'; const m = import('@regula/mail/mail.service');", errors: [{ messageId: 'deep' }, { messageId: 'deep' }] },
    { filename: at('apps/cli/src/x.ts'), code: "import { definition } from '@regula/tenants/inomedis';", errors: [{ messageId: 'deep' }] },
    { filename: at('libs/audit/src/x.ts'), code: "import { AuditService } from '@regula/audit';", errors: [{ messageId: 'selfIndex' }] },
    { filename: at('libs/audit/src/x.ts'), code: "import { AuditService } from '@regula/audit/audit.service';", errors: [{ messageId: 'selfDeep' }] },
    { filename: at('libs/audit/src/x.ts'), code: "import { TenantEntity } from '../../registers/src/tenant.entity';", errors: [{ messageId: 'relative' }] },
    { filename: at('libs/requests/src/x.ts'), code: "import { confirmedForTest } from '@regula/engine/testing';", errors: [{ messageId: 'testing' }] },
    { filename: at('apps/api/src/x.ts'), code: "import { fakeSmtp } from '@regula/mail/testing';", errors: [{ messageId: 'testing' }] },
  ],
});

tester.run('regula/layers', rules.layers, {
  valid: [
    { filename: at('libs/audit/src/x.ts'), code: "import { TenantDb } from '@regula/platform';" },
    { filename: at('libs/exports/src/x.ts'), code: "import { BreachesService } from '@regula/breaches';" },
    { filename: at('libs/engine/src/x.spec.ts'), code: "import { TENANTS } from '@regula/tenants';" },
    { filename: at('tenants/x/index.ts'), code: "import { defineController } from '@regula/engine';" },
    { filename: at('apps/api/src/x.ts'), code: "import { TENANTS } from '@regula/tenants'; import { x } from '../../worker/src/x';" },
  ],
  invalid: [
    { filename: at('libs/audit/src/x.ts'), code: "import { RequestsService } from '@regula/requests';", errors: [{ messageId: 'edge' }] },
    { filename: at('libs/platform/src/x.ts'), code: "import { AuditEntryEntity } from '@regula/audit/audit-entry.entity';", errors: [{ messageId: 'edge' }] },
    { filename: at('libs/requests/src/x.ts'), code: "import { AdminModule } from '../../../apps/api/src/admin/admin.module';", errors: [{ messageId: 'app' }] },
    { filename: at('libs/requests/src/x.ts'), code: "import { startApp } from '../../../test/support/app';", errors: [{ messageId: 'test' }] },
    { filename: at('libs/engine/src/x.ts'), code: "import { TENANTS } from '@regula/tenants';", errors: [{ messageId: 'tenants' }] },
    { filename: at('libs/newlib/src/x.ts'), code: "import { TenantDb } from '@regula/platform';", errors: [{ messageId: 'unknownLib' }] },
    { filename: at('tenants/x/index.ts'), code: "import { TenantDb } from '@regula/platform';", errors: [{ messageId: 'tenantsEdge' }] },
    { filename: at('tenants/x/index.ts'), code: "import { x } from '../../apps/cli/src/x'; import { y } from '../../test/support/y';", errors: [{ messageId: 'app' }, { messageId: 'test' }] },
  ],
});

tester.run('regula/no-http-exceptions', rules['no-http-exceptions'], {
  valid: [
    { code: "import { Injectable } from '@nestjs/common'; import { NotFoundError } from '@regula/platform'; throw new NotFoundError('no such request');" },
    { code: "throw new Error('invariant');" },
  ],
  invalid: [
    {
      code: "import { BadRequestException, Injectable } from '@nestjs/common'; throw new BadRequestException('bad');",
      errors: [{ messageId: 'imported' }, { messageId: 'thrown' }],
    },
    { code: "import * as common from '@nestjs/common'; throw new common.NotFoundException();", errors: [{ messageId: 'thrown' }] },
    { code: "import { HttpException } from '@nestjs/common/exceptions';", errors: [{ messageId: 'imported' }] },
  ],
});

// The graph beyond the linted text is the repository's own, read from the disk: the
// snippets below are placed at real files' paths (audit.module.ts imports audit.service.ts).
tester.run('regula/no-cycle', rules['no-cycle'], {
  valid: [
    { filename: at('libs/audit/src/audit.service.ts'), code: "import type { AuditModule } from './audit.module';" },
    { filename: at('libs/audit/src/audit.service.ts'), code: "import { type AuditModule } from './audit.module'; export type { AuditModule } from './audit.module';" },
    { filename: at('libs/audit/src/audit.service.ts'), code: "import { TenantDb } from '@regula/platform'; import { Injectable } from '@nestjs/common';" },
    { filename: at('libs/audit/src/new-file.ts'), code: "import { AuditService } from './audit.service';" },
  ],
  invalid: [
    {
      filename: at('libs/audit/src/audit.service.ts'),
      code: "import { AuditModule } from './audit.module';",
      errors: [{ messageId: 'cycle', data: { specifier: './audit.module', path: 'libs/audit/src/audit.service.ts → libs/audit/src/audit.module.ts → libs/audit/src/audit.service.ts' } }],
    },
    // Through the lib's index.ts (which re-exports audit.module.ts), by import(), and by export ... from.
    { filename: at('libs/audit/src/audit.service.ts'), code: "const m = import('./index');", errors: [{ messageId: 'cycle' }] },
    { filename: at('libs/audit/src/audit.service.ts'), code: "export { AuditModule } from './audit.module';", errors: [{ messageId: 'cycle' }] },
    { filename: at('libs/audit/src/audit.service.ts'), code: "import { x } from './audit.service';", errors: [{ messageId: 'cycle', data: { specifier: './audit.service', path: 'libs/audit/src/audit.service.ts → libs/audit/src/audit.service.ts' } }] },
  ],
});

describe('the layer table', () => {
  it('is acyclic and orders every lib after the libs it imports', () => {
    const order = checkLayers(LAYERS);
    expect([...order].sort()).toEqual(Object.keys(LAYERS).sort());
    for (const [lib, deps] of Object.entries(LAYERS)) for (const dep of deps) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(lib));
  });

  it('refuses a table with a cycle, naming it', () => {
    expect(() => checkLayers({ platform: [], audit: ['platform', 'mail'], mail: ['audit'] })).toThrow('layer table has a cycle: audit → mail → audit');
    expect(() => checkLayers({ a: ['b'], b: ['c'], c: ['a'] })).toThrow('a → b → c → a');
  });

  it('refuses an edge to a lib without a row, and a lib importing itself', () => {
    expect(() => checkLayers({ audit: ['platform'] })).toThrow('audit may import platform, which has no row of its own');
    expect(() => checkLayers({ audit: ['audit'] })).toThrow('audit lists itself');
  });

  it('has a row for every lib folder, and tenants/ may import only libs of it', () => {
    const libs = fs.readdirSync(at('libs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const lib of libs) expect(Object.keys(LAYERS)).toContain(lib);
    for (const lib of TENANTS_MAY_IMPORT) expect(Object.keys(LAYERS)).toContain(lib);
  });

  it('is the table docs/ARCHITECTURE.md prints', () => {
    const doc = fs.readFileSync(at('docs/ARCHITECTURE.md'), 'utf8').split('\n');
    const header = doc.findIndex((l) => /^\| Lib \| May import \|/.test(l));
    expect(header).toBeGreaterThan(-1);
    /** @type {Record<string, string[]>} */
    const printed = {};
    for (const line of doc.slice(header + 2)) {
      const m = /^\| `([a-z-]+)` \| ([^|]*) \|/.exec(line);
      if (!m) break;
      printed[m[1]] = /^nothing/.test(m[2].trim()) ? [] : m[2].split(',').map((s) => s.trim()).sort();
    }
    expect(printed).toEqual(Object.fromEntries(Object.entries(LAYERS).map(([lib, deps]) => [lib, [...deps].sort()])));
  });
});

describe('eslint.config.js', () => {
  // The configuration is handed over as an object: ESLint loads a config file with
  // import(), which Jest's module system does not offer.
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') });
  const snippet = "import { BadRequestException } from '@nestjs/common';\nimport { TenantEntity } from '@regula/registers/tenant.entity';\nexport const f = (t?: TenantEntity) => { if (!t) throw new BadRequestException('no tenant'); };\n";
  const rulesReported = async (/** @type {string} */ file) => {
    const [result] = await eslint.lintText(snippet, { filePath: at(file) });
    return result.messages.map((m) => m.ruleId).sort();
  };

  it('applies the structure rules to libs, and the HTTP exception rule to libs only', async () => {
    expect(await rulesReported('libs/requests/src/x.ts')).toEqual(['regula/no-http-exceptions', 'regula/no-http-exceptions', 'regula/one-door']);
    expect(await rulesReported('apps/api/src/x.ts')).toEqual(['regula/one-door']);
  });
});
