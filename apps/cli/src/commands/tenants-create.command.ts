import { readFileSync } from 'node:fs';
import { AuditService } from '@regula/audit';
import { MembershipsService, PasswordService } from '@regula/auth';
import { DomainError, TenantDb } from '@regula/platform';
import { TenantOnboarding } from '@regula/onboarding';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

const ACTOR = { userId: null, label: 'cli: tenants create' };

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

/**
 * `tenants create --file controller.json [--logo logo.png]`: a platform admin's
 * new controller from the command line, through TenantOnboarding (libs/onboarding),
 * the same checks and records as `POST /api/v1/platform/tenants` (the file is
 * that body). Prints what is assumed and the first admin's one-time password.
 */
export const command: Command = {
  name: ['tenants', 'create'],
  summary: 'create a controller and invite its first compliance admin',
  usage: 'tenants create --file controller.json [--logo logo.png]  the body of POST /api/v1/platform/tenants (recorded in the platform\'s audit chain)',
  async run(args) {
    const { flags, positional } = parseArgs(args);
    if (positional.length || typeof flags.file !== 'string') throw new UsageError('name the controller\'s JSON file: tenants create --file controller.json [--logo logo.png]');
    let body: unknown;
    try {
      body = JSON.parse(readFile(flags.file, 'the file').toString('utf8'));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${flags.file} is not JSON: ${(e as Error).message}`);
    }
    const logo = typeof flags.logo === 'string' ? readFile(flags.logo, 'the logo') : undefined;
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const audit = new AuditService();
      try {
        const r = await new TenantOnboarding(db, audit, new MembershipsService(db, audit, new PasswordService())).create(body, ACTOR, logo);
        const out = [`${r.slug}: created (facts version ${r.version}); its pages: /t/${r.slug}/`];
        if (r.logo) out.push(`logo: ${r.logo.type}, ${r.logo.bytes} bytes${r.logo.sanitised ? ' (sanitised: something was removed)' : ''}`);
        out.push(`assumed until a compliance admin confirms them (${r.assumed.length}):`, ...r.assumed.map((f) => `  ${f.path}: ${f.provenance.decidedBy?.note ?? ''}`));
        out.push(`first compliance admin: ${r.firstAdmin.member.email}`);
        out.push(r.firstAdmin.oneTimePassword ? `one-time password (shown once; give it through another channel): ${r.firstAdmin.oneTimePassword}` : 'an existing account: it got the membership, no password');
        out.push('no register yet: its first policy is refused until its registers say enough');
        process.stdout.write(out.join('\n') + '\n');
        return 0;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        process.stderr.write(`regula: ${detailOf(e)}\n`);
        return e.kind === 'conflict' ? 3 : 2;
      }
    });
  },
};

function detailOf(e: DomainError): string {
  return Array.isArray(e.detail) ? e.detail.join('\n  ') : e.message;
}
