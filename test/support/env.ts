/**
 * What `npm test` (scripts/test.js) provides: a throw-away PostgreSQL whose
 * template database is migrated and synced, and a throw-away Redis.
 */
export function testEnv(): { ownerUrl: string; templateDb: string; redisUrl: string; appPassword: string } {
  const ownerUrl = process.env.DATABASE_URL;
  const templateDb = process.env.REGULA_TEST_TEMPLATE_DB;
  const redisUrl = process.env.REDIS_URL;
  const appPassword = process.env.DATABASE_APP_PASSWORD;
  if (!ownerUrl || !templateDb || !redisUrl || !appPassword) {
    throw new Error('integration tests need the services `npm test` starts (DATABASE_URL, REGULA_TEST_TEMPLATE_DB, REDIS_URL, DATABASE_APP_PASSWORD): run them with `npm test`');
  }
  return { ownerUrl, templateDb, redisUrl, appPassword };
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The audit key `npm test` generated (the template's entries are signed with it), with a checkpoint folder of the caller's database. */
export function auditTestEnv(checkpointDir: string): { AUDIT_HMAC_KEY: string; AUDIT_CHECKPOINT_DIR: string } {
  const key = process.env.AUDIT_HMAC_KEY;
  if (!key) throw new Error('integration tests need AUDIT_HMAC_KEY, which `npm test` sets: run them with `npm test`');
  return { AUDIT_HMAC_KEY: key, AUDIT_CHECKPOINT_DIR: checkpointDir };
}
