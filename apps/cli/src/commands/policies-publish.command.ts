import { AuditService } from '@regula/audit';
import { AfterCommit, TenantDb } from '@regula/platform';
import { ControllerDefinitionService, RegistersService } from '@regula/registers';
import { ConsentRenewals, FIRST_VERSION_SUMMARY, PolicyVersionsService } from '@regula/policies';
import { ConsentWrites } from '@regula/subjects';
import { Command, UsageError, parseArgs } from '../command';
import { withOwnerDb } from '../owner-db';
import { tenantsNamed } from '../tenants-named';

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
  usage:
    'policies publish --initial [--keep-going] [slug...]  publish version 1 of each tenant\'s privacy policy where none exists ' +
    '(--keep-going: exit 0 when a tenant is refused, its draft kept with the reasons)',
  async run(args) {
    const { positional, flags } = parseArgs(args, ['initial', 'keep-going']);
    if (!flags.initial) throw new UsageError('only `policies publish --initial` is available here: later versions are published by a compliance admin, with a change summary');
    return withOwnerDb(async (ds) => {
      const db = new TenantDb(ds);
      const definitions = new ControllerDefinitionService(db, new RegistersService(db));
      const policies = new PolicyVersionsService(db, definitions, new AuditService(), new AfterCommit(ds), new ConsentRenewals(new ConsentWrites()));
      let failed = 0;
      for (const t of await tenantsNamed(ds, positional)) {
        const existing = await policies.list(t.id);
        if (existing.length) {
          process.stdout.write(`${t.slug}: version ${existing[0].number} already published\n`);
          continue;
        }
        const draft = await policies.createDraft(t.id, ACTOR);
        if (draft.problems.length) {
          failed++; // refused: the draft stays, with its reasons, for a compliance admin to resolve
          const shown = draft.problems.slice(0, 8).map((p) => p.message);
          if (draft.problems.length > shown.length) shown.push(`… and ${draft.problems.length - shown.length} more (the dashboard lists them all)`);
          process.stderr.write(`${t.slug}: not published, the draft is kept with what blocks it:\n  ${shown.join('\n  ')}\n`);
          continue;
        }
        const { version } = await policies.publish(t.id, draft.id, { changeSummary: firstVersionSummary(draft.languages), material: false }, ACTOR);
        process.stdout.write(`${t.slug}: published version ${version.number} (${version.languages.join(', ')}), effective ${version.effectiveDate}, sha256 ${version.contentHash}\n`);
      }
      if (failed) process.stdout.write(`${failed} tenant${failed === 1 ? '' : 's'} not published: see the reasons above, and the policies page of the dashboard\n`);
      return failed && !flags['keep-going'] ? 1 : 0;
    });
  },
};

/** The first version's summary in each of its languages (there was no policy before it). */
function firstVersionSummary(languages: string[]): Record<string, string> {
  return Object.fromEntries(languages.map((l) => [l, FIRST_VERSION_SUMMARY[l as keyof typeof FIRST_VERSION_SUMMARY] ?? FIRST_VERSION_SUMMARY.en]));
}
