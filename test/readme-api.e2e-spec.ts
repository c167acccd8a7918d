import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AuditService } from '@regula/audit';
import { DemoUsers } from '@regula/auth';
import { startApi, Harness } from './support/api-harness';

/** The README's curl journey (between `<!-- api-journey -->` markers), run as it stands against a running API. */
function readmeJourney(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- api-journey -->\s*```sh\n([\s\S]*?)```\s*<!-- \/api-journey -->/.exec(readme);
  if (!block) throw new Error('README.md has no api-journey block');
  return block[1];
}

describe("the README's API journey", () => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startApi();
    // The demo logins npm start creates, with the README's password.
    await h.db.owner.transaction((em) => new DemoUsers(new AuditService()).ensure(em, 'regula-demo-2026'));
    await h.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => h?.close());

  it('signs in, records a request, lists it, extends it and reads the audit log with curl', async () => {
    // Not spawnSync: the API answering curl runs in this very process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', ['-euo', 'pipefail', '-c', readmeJourney()], { env: { ...process.env, BASE: base }, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const extended = lines.find((l) => l.state === 'extended');
    expect(extended).toEqual(expect.objectContaining({ reference: expect.stringMatching(/^R-/), dueDate: expect.any(String) }));
    const listed = lines.find((l) => l.reference === extended!.reference && l.state !== 'extended');
    expect(listed).toBeDefined();
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['request.extended']));
  });
});
