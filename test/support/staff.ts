import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './api-harness';

let hash: Promise<string> | undefined;

/** Creates a staff user (as the owner) with an optional membership; returns the user id. */
export async function createStaff(
  owner: DataSource,
  email: string,
  opts: { tenant?: string; role?: 'compliance-admin' | 'auditor'; platformAdmin?: boolean; permissions?: string[] | null; accessUntil?: Date | null } = {},
): Promise<string> {
  hash ??= argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const [user] = await owner.query(
    `INSERT INTO users (email, display_name, password_hash, is_platform_admin) VALUES ($1, $1, $2, $3) RETURNING id`,
    [email, await hash, !!opts.platformAdmin],
  );
  if (opts.tenant) {
    await owner.query(
      `INSERT INTO memberships (tenant_id, user_id, role, permissions, access_until) SELECT id, $2, $3, $4, $5 FROM tenants WHERE slug = $1`,
      [opts.tenant, user.id, opts.role ?? 'compliance-admin', opts.permissions ?? null, opts.accessUntil ?? null],
    );
  }
  return user.id;
}
