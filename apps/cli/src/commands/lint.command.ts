import { ControllerDefinition, Finding, FindingSeverity, Ref, countBySeverity, definitionErrors, lintController } from '@regula/engine';
import { Command, UsageError, parseArgs } from '../command';

const USAGE = 'lint [tenant-slug] [--json]';

/** What the command needs from the tenant registry (`@regula/tenants`). */
export interface TenantCatalogue {
  TENANTS: ControllerDefinition[];
  findTenant(slug: string): ControllerDefinition | undefined;
}

export interface TenantLint {
  slug: string;
  legalName: string;
  brand?: string;
  summary: Record<FindingSeverity, number>;
  findings: Finding[];
}

export function lintTenants(definitions: ControllerDefinition[]): TenantLint[] {
  return definitions.map((def) => {
    const findings = lintController(def);
    return { slug: def.slug, legalName: def.legalName, brand: def.brand, summary: countBySeverity(findings), findings };
  });
}

/** 1 when any tenant has an error, 0 otherwise. */
export function lintExitCode(results: TenantLint[]): number {
  return results.some((r) => r.summary.error > 0) ? 1 : 0;
}

function formatRefs(refs: Ref[] | undefined): string {
  if (!refs || refs.length === 0) return '';
  return ` [${refs.map((r) => (r.at ? `${r.source} ${r.at}` : r.source)).join('; ')}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

function formatSummary(summary: Record<FindingSeverity, number>): string {
  return `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${plural(summary.info, 'info')}`;
}

/** `ERROR [publication]` for an error (what it refuses: saving the definition, or publishing a policy), the severity alone otherwise. */
function label(f: Finding): string {
  return f.severity === 'error' ? `ERROR [${f.kind}]` : f.severity.toUpperCase();
}

/** Per tenant a header, one line per finding (`SEVERITY [kind] code path — message [ref]`), a summary. */
export function formatLintReport(results: TenantLint[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.slug} — ${r.legalName}${r.brand ? ` (${r.brand})` : ''}`);
    for (const f of r.findings) lines.push(`${label(f)} ${f.code} ${f.path} — ${f.message}${formatRefs(f.ref)}`);
    const definition = definitionErrors(r.findings).length;
    lines.push(`${r.slug}: ${formatSummary(r.summary)}${r.summary.error ? ` (${definition} refuse${definition === 1 ? 's' : ''} saving the definition; every error refuses publishing)` : ''}`, '');
  }
  if (results.length > 1) {
    const total = { error: 0, warning: 0, info: 0 };
    for (const r of results) for (const k of Object.keys(total) as FindingSeverity[]) total[k] += r.summary[k];
    lines.push(`${results.length} tenants: ${formatSummary(total)}`);
  }
  return lines.join('\n').trimEnd() + '\n';
}

export function formatLintJson(results: TenantLint[]): string {
  return JSON.stringify({ tenants: results }, null, 2) + '\n';
}

/** The command over a given tenant catalogue and output (tests pass fixtures). */
export function createLintCommand(load: () => Promise<TenantCatalogue>, write: (text: string) => void = (t) => process.stdout.write(t)): Command {
  return {
    name: ['lint'],
    summary: 'Check tenant definitions against the GDPR (the register linter); exit 1 on any error, of either kind (definition: refuses saving; publication: refuses publishing)',
    usage: USAGE,
    async run(args: string[]): Promise<number> {
      const { flags, positional } = parseArgs(args, ['json']);
      const unknown = Object.keys(flags).filter((f) => f !== 'json');
      if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]} (usage: ${USAGE})`);
      if (flags.json !== undefined && flags.json !== true) throw new UsageError('--json takes no value');
      if (positional.length > 1) throw new UsageError(`lint takes at most one tenant slug (usage: ${USAGE})`);
      const catalogue = await load();
      let definitions = catalogue.TENANTS;
      if (positional.length === 1) {
        const def = catalogue.findTenant(positional[0]);
        if (!def) throw new UsageError(`unknown tenant '${positional[0]}': expected one of ${catalogue.TENANTS.map((t) => t.slug).join(', ')}`);
        definitions = [def];
      }
      const results = lintTenants(definitions);
      write(flags.json ? formatLintJson(results) : formatLintReport(results));
      return lintExitCode(results);
    },
  };
}

export const command: Command = createLintCommand(() => import('@regula/tenants'));
