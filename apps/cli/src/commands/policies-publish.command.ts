import { AuditService } from '@regula/audit';
import { AfterCommit, TenantDb } from '@regula/platform';
import { ControllerDefinitionService, RegistersService, TenantEntity } from '@regula/registers';
import { ConsentRenewals, PolicyVersionsService } from '@regula/policies';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';

const ACTOR = { userId: null, label: 'cli: policies publish' };

/**
 * Publishes the first privacy-policy version of every tenant (or those named)
 * that has none, rendered from the registers in the database. Later versions
 * are published by a compliance admin (API or dashboard), who writes the
 * change summary and decides whether the change is material. A tenant whose
 * draft has problems (the linter's errors, an empty section) is reported and
 * left unpublished; the command still succeeds, so that a start-up goes on.
 */
export const command: Command = {
  name: ['policies', 'publish'],
  summary: 'publish first policy versions',
  usage: 'policies publish --initial [slug...]  publish version 1 of each tenant\'s privacy policy where none exists',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['initial']);
    if (!flags.initial) throw new UsageError('only `policies publish --initial` is available here: later versions are published by a compliance admin, with a change summary');
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const definitions = new ControllerDefinitionService(db, new RegistersService(db));
      const policies = new PolicyVersionsService(db, definitions, new AuditService(), new AfterCommit(ds), new ConsentRenewals());
      const all = await ds.getRepository(TenantEntity).find({ order: { slug: 'ASC' } });
      const unknown = positional.filter((s) => !all.some((t) => t.slug === s));
      if (unknown.length) throw new UsageError(`unknown tenant ${unknown.join(', ')}`);
      let refused = 0;
      for (const t of positional.length ? all.filter((x) => positional.includes(x.slug)) : all) {
        const existing = await policies.list(t.id);
        if (existing.length) {
          process.stdout.write(`${t.slug}: version ${existing[0].number} already published\n`);
          continue;
        }
        const draft = await policies.createDraft(t.id, ACTOR);
        if (draft.problems.length) {
          // Refused, not failed: the draft stays, with its reasons, for a compliance admin to resolve (the
          // linter's legal errors refuse publishing; they do not stop the service from starting).
          refused++;
          process.stdout.write(`${t.slug}: not published, the draft stays until these are resolved:\n  ${draft.problems.map((p) => p.message).join('\n  ')}\n`);
          continue;
        }
        const { version } = await policies.publish(t.id, draft.id, { changeSummary: 'First version, rendered from the registers.', material: false }, ACTOR);
        process.stdout.write(`${t.slug}: published version ${version.number} (${version.languages.join(', ')}), effective ${version.effectiveDate}, sha256 ${version.contentHash}\n`);
      }
      if (refused) process.stdout.write(`${refused} tenant${refused === 1 ? '' : 's'} not published: see the reasons above, and the policies page of the dashboard\n`);
      return 0;
    });
  },
};
