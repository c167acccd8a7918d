import { AdminClient } from './admin-client';
import { Harness, startApi } from './api-harness';
import { loadDemoData } from './demo-tenant';
import { createStaff } from './staff';
import { confirmAllFacts } from './demo-tenant';

/** The API of a dashboard suite, with the ids of the two tenants its staff belong to. */
export interface DashboardApi {
  h: Harness;
  /** Inomedis' tenant id. */
  ino: string;
  /** Micromedic's tenant id. */
  micro: string;
}

/**
 * Starts the API with the staff the dashboard suites sign in as (password
 * DEMO_PASSWORD): admin@ino.test and auditor@ino.test of Inomedis,
 * admin@micro.test of Micromedic. With `demoData`, both tenants get their
 * demo data first; their assumed facts are confirmed as in the demo unless
 * `confirmFacts` is false; `env` overrides the API's configuration.
 */
export async function startDashboardApi(opts: { demoData?: boolean; env?: Record<string, string>; confirmFacts?: boolean; packageWorker?: boolean } = {}): Promise<DashboardApi> {
  const h = await startApi(opts.env, { packageWorker: opts.packageWorker });
  const idOf = async (slug: string): Promise<string> =>
    opts.demoData ? loadDemoData(h, slug) : (await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]))[0].id;
  const ino = await idOf('inomedis');
  const micro = await idOf('micromedic');
  if (opts.confirmFacts !== false) {
    // As after `npm start`: what Regula assumed is confirmed for the demo, so that policies can be published.
    await confirmAllFacts(h.db.owner, 'inomedis');
    await confirmAllFacts(h.db.owner, 'micromedic');
  }
  await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
  await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
  await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
  return { h, ino, micro };
}

/** A dashboard client signed in as `email`. */
export async function signedInAdmin(h: Harness, email = 'admin@ino.test'): Promise<AdminClient> {
  const c = new AdminClient(h);
  await c.login(email);
  return c;
}
