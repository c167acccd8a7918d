import { AuditService } from '@regula/audit';
import { DomainError, EgressGuard, TenantDb, loadDbConfig } from '@regula/platform';
import { TenantsService } from '@regula/tenancy';
import { Actor, SourceSystemCredentials, SourceSystemsService } from '@regula/ingest';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

const USAGE =
  'systems create <tenant> <name> [--webhook URL] | list <tenant> | rotate <tenant> <name> [--webhook-secret] | disable <tenant> <name>';
const ACTOR: Actor = { id: null, label: 'cli: systems' };

function printCredentials(slug: string, verb: string, c: SourceSystemCredentials): void {
  process.stdout.write(`source system ${c.system.name} of ${slug} ${verb}\n`);
  process.stdout.write(`  API key (shown once, store it in the system):  ${c.apiKey}\n`);
  if (c.webhookSecret) process.stdout.write(`  webhook secret (shown once):                   ${c.webhookSecret}\n`);
  process.stdout.write(`  webhook URL: ${c.system.webhookUrl ?? '(none: the system polls GET /api/v1/ingest/' + slug + '/events)'}\n`);
}

/** Source systems of a tenant: create (prints the API key once), list, rotate, disable. */
export const command: Command = {
  name: ['systems'],
  summary: "manage a tenant's source systems",
  usage: USAGE,
  async run(args) {
    const { flags, positional } = parseArgs(args, ['webhook-secret']);
    const [action, slug, name] = positional;
    if (!action || !slug || (action !== 'list' && !name)) throw new UsageError(`usage: regula ${USAGE}`);
    const cfg = loadDbConfig();
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const tenant = await new TenantsService(db).findBySlug(slug);
      if (!tenant) throw new UsageError(`unknown tenant ${slug}`);
      const systems = new SourceSystemsService(db, new AuditService(), new EgressGuard(cfg));
      try {
        return await perform(systems, tenant.id, slug, action, name, flags);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e; // a refusal (bad name, unknown system...): said on stderr
        process.stderr.write(`regula: ${e.message}\n`);
        return 1;
      }
    });
  },
};

async function perform(
  systems: SourceSystemsService, tenantId: string, slug: string, action: string, name: string, flags: Record<string, string | true>,
): Promise<number> {
  switch (action) {
    case 'create': {
      const webhookUrl = typeof flags.webhook === 'string' ? flags.webhook : null;
      printCredentials(slug, 'created', await systems.create(tenantId, { name, webhookUrl }, ACTOR));
      return 0;
    }
    case 'rotate':
      printCredentials(slug, 'has a new key', await systems.rotate(tenantId, name, ACTOR, { webhookSecret: flags['webhook-secret'] === true }));
      return 0;
    case 'disable':
      await systems.disable(tenantId, name, ACTOR);
      process.stdout.write(`source system ${name} of ${slug} disabled: its key is refused\n`);
      return 0;
    case 'list': {
      const rows = await systems.list(tenantId);
      if (!rows.length) process.stdout.write(`${slug} has no source systems\n`);
      for (const s of rows) {
        process.stdout.write(`${s.name.padEnd(34)} rk_${s.keyId}.…  ${s.disabledAt ? 'disabled' : 'active  '}  ${s.webhookUrl ?? '(polls /events)'}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown action ${action}: usage: regula ${USAGE}`);
  }
}
