import { AuditService } from '@regula/audit';
import { UserEntity } from '@regula/auth';
import { TenantDb, loadDbConfig } from '@regula/platform';
import { ControllerDefinitionService, FactConfirmationsService, RegistersService } from '@regula/registers';
import { Command } from '../command';
import { withOwnerDb } from '../owner-db';
import { tenantsNamed } from '../tenants-named';

/**
 * The demo's visible, audited act: the demo compliance admin of each tenant (or
 * those named) keeps every assumed fact a published text rests on, "confirmed
 * for the demo", so that the demo has published policies. Unknown facts stay
 * unknown (Softera Baltic's address): nothing is invented, and that tenant's
 * policy stays an unpublishable draft. Refused in production; idempotent.
 */
export const command: Command = {
  name: ['demo', 'confirm'],
  summary: 'confirm assumed facts for the demo',
  usage: 'demo confirm [slug...]           the demo admin keeps the assumed facts, audited as "confirmed for the demo" (not in production)',
  async run(args) {
    if (loadDbConfig().NODE_ENV === 'production') {
      process.stderr.write('regula: demo confirm is refused when NODE_ENV=production\n');
      return 1;
    }
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const confirmations = new FactConfirmationsService(db, new ControllerDefinitionService(db, new RegistersService(db)), new AuditService());
      for (const t of await tenantsNamed(ds, args)) {
        const email = `admin@${t.slug}.demo`;
        const user = await ds.getRepository(UserEntity).findOne({ where: { email } });
        const actor = { userId: user?.id ?? null, label: `${email} (compliance-admin, demo)` };
        const r = await confirmations.confirmAssumedForDemo(t.id, actor);
        const facts = (n: number) => `${n} ${n === 1 ? 'fact' : 'facts'}`;
        process.stdout.write(
          `${t.slug}: ${facts(r.confirmed)} assumed by Regula confirmed for the demo by ${email}` +
            (r.unknown ? `; ${facts(r.unknown)} nobody stated left unknown, for the controller to state` : '') + '\n',
        );
      }
      return 0;
    });
  },
};
