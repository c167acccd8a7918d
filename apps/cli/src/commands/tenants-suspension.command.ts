import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { SuspensionState, TenantSuspensions } from '@regula/registers';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

const ACTOR = { userId: null, label: 'cli: tenants suspension' };

function said(s: SuspensionState): string {
  return s.suspendedAt
    ? `${s.slug}: suspended since ${s.suspendedAt.toISOString()}: its public pages send requests to it directly; REST and dashboard changes are refused, reading and exports go on; deadlines, reminders and retention keep running\n`
    : `${s.slug}: suspension lifted\n`;
}

/** `tenants suspend <slug> --reason "…"`: a platform admin's suspension from the command line (TenantSuspensions, libs/registers). */
export const suspend: Command = {
  name: ['tenants', 'suspend'],
  summary: 'suspend a controller',
  usage: 'tenants suspend <slug> --reason "why"  reads and exports go on, changes stop, the law\'s clock keeps running (recorded in the platform\'s audit chain)',
  async run(args) {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) throw new UsageError('name one tenant: tenants suspend <slug> --reason "why"');
    if (typeof flags.reason !== 'string' || !flags.reason.trim()) throw new UsageError('--reason is required: say why the controller is suspended');
    return withOwnerDb(async (ds) => {
      process.stdout.write(said(await new TenantSuspensions(new TenantDb(ds), new AuditService()).suspend(positional[0], flags.reason, ACTOR)));
      return 0;
    });
  },
};

/** `tenants resume <slug>`: lifts the suspension. */
export const resume: Command = {
  name: ['tenants', 'resume'],
  summary: "lift a controller's suspension",
  usage: 'tenants resume <slug>  lifts the suspension (recorded in the platform\'s audit chain)',
  async run(args) {
    const { positional } = parseArgs(args);
    if (positional.length !== 1) throw new UsageError('name one tenant: tenants resume <slug>');
    return withOwnerDb(async (ds) => {
      process.stdout.write(said(await new TenantSuspensions(new TenantDb(ds), new AuditService()).resume(positional[0], ACTOR)));
      return 0;
    });
  },
};
