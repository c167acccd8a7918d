import { ControllerDefinition } from '@regula/engine';
import { seed000AsPublished, seed004, validController } from '@regula/engine/testing';
import { UsageError } from '../command';
import { createLintCommand, formatLintReport, lintExitCode, lintTenants } from './lint.command';

function catalogue(...defs: ControllerDefinition[]) {
  return async () => ({ TENANTS: defs, findTenant: (slug: string) => defs.find((d) => d.slug === slug) });
}

async function run(defs: ControllerDefinition[], ...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await createLintCommand(catalogue(...defs), (t) => { out += t; }).run(args);
  return { code, out };
}

/** Seed 004 without the qualified e-signature it demands: only warnings are left. */
function seed004Warnings(): ControllerDefinition {
  const def = seed004();
  def.requests.identity.default = 'email-link';
  return def;
}

describe('regula lint', () => {
  it('prints a header, one line per finding and a summary per tenant', () => {
    const text = formatLintReport(lintTenants([seed004Warnings()]));
    expect(text.split('\n')).toEqual([
      'inomedis — SIA "Inomedis Aesthetic Group" (Inomedis)',
      expect.stringMatching(/^WARNING retention-start-uncertain registers\[clients\]\.retention\[while-conditions\]\.conditions — /),
      expect.stringMatching(/^WARNING notice-consent-for-purchase registers\[clients\]\.purposes\[contract\]\.legalBases\[0\]\.citedInNotice — The notice cites consent .* \[seed-004 clause 17; seed-004 clause 14\]$/),
      expect.stringMatching(/^WARNING notice-legal-basis-label registers\[clients\]\.purposes\[legal-obligations\]\.legalBases\[0\]\.citedInNotice — .* \[seed-004 clause 14; GDPR Art\. 6\(1\)\(c\)\]$/),
      'inomedis: 0 errors, 3 warnings, 0 info',
      '',
    ]);
  });

  it('prints the kind of each error and exits 1 on a publication error too', async () => {
    const { code, out } = await run([seed004()]);
    expect(code).toBe(1);
    expect(out).toMatch(/^ERROR \[publication\] request-form-disproportionate requests\.identity\.default — /m);
    expect(out).toContain('inomedis: 1 error, 3 warnings, 0 info (0 refuse saving the definition; every error refuses publishing)');
  });

  it('exits 0 when there are only warnings and info', async () => {
    const { code, out } = await run([validController(), seed004Warnings()]);
    expect(code).toBe(0);
    expect(out).toContain('example-shop: 0 errors, 0 warnings, 0 info');
    expect(out.trimEnd().split('\n').pop()).toBe('2 tenants: 0 errors, 3 warnings, 0 info');
  });

  it('exits 1 when any tenant has an error, listing errors first', async () => {
    const { code, out } = await run([validController(), seed000AsPublished()]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    const first = lines.findIndex((l) => l.startsWith('medical-management — Medical Management OÜ (Baltic Lasers)'));
    expect(lines[first + 1]).toMatch(/^ERROR \[definition\] empty-section registers\[portal\]\.purposes — /);
    expect(out).toContain('medical-management: 7 errors, 6 warnings, 1 info (7 refuse saving the definition; every error refuses publishing)');
    expect(lintExitCode(lintTenants([seed000AsPublished()]))).toBe(1);
  });

  it('lints one tenant by slug', async () => {
    const { code, out } = await run([validController(), seed000AsPublished()], 'example-shop');
    expect(code).toBe(0);
    expect(out).toBe('example-shop — Example Shop OÜ (Example Shop)\nexample-shop: 0 errors, 0 warnings, 0 info\n');
  });

  it('--json prints the findings as data', async () => {
    const { code, out } = await run([seed004()], '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out);
    expect(parsed.tenants[0].slug).toBe('inomedis');
    expect(parsed.tenants[0].summary).toEqual({ error: 1, warning: 3, info: 0 });
    expect(parsed.tenants[0].findings[0]).toMatchObject({ code: 'request-form-disproportionate', severity: 'error', kind: 'publication' });
    expect(parsed.tenants[0].findings[3]).toMatchObject({ code: 'notice-legal-basis-label', severity: 'warning' });
  });

  it('refuses an unknown slug, a second slug and unknown options (exit 2)', async () => {
    await expect(run([validController()], 'nobody')).rejects.toThrow(new UsageError("unknown tenant 'nobody': expected one of example-shop"));
    await expect(run([validController()], 'a', 'b')).rejects.toBeInstanceOf(UsageError);
    await expect(run([validController()], '--verbose', 'x')).rejects.toBeInstanceOf(UsageError);
  });
});
