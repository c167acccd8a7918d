import { Injectable } from '@nestjs/common';
import type { Finding, Lang, Register } from '@regula/engine';
import { definitionErrors, findingPlace, findingTitle, lintController, resolveText } from '@regula/engine';
import { ControllerDefinitionService, RegistersService, RegisterView } from '@regula/registers';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, vars?: Record<string, unknown>) => string;
type Severity = Finding['severity'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Whether a finding's path lies in register `key` (`registers[key]...`). */
export function isIn(f: Finding, key: string): boolean {
  return f.path === `registers[${key}]` || f.path.startsWith(`registers[${key}].`) || f.path.startsWith(`registers[${key}][`);
}

function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The view models of the registers pages (list rows, a register's facts, versions, findings). */
@Injectable()
export class RegisterPages {
  constructor(private readonly registers: RegistersService, private readonly definitions: ControllerDefinitionService) {}

  nameOf(view: RegisterView, lang: Lang): string {
    const name = (view.definition as unknown as Register).name;
    return name && typeof name.en === 'string' ? resolveText(name, lang).text : view.key;
  }

  /** Every current register with its version, author and the linter's findings per severity. */
  async rows(tenant: AdminTenant, lang: Lang) {
    const stored = await this.definitions.load(tenant.id);
    const findings = safeLint(stored.definition);
    const views = await this.registers.listCurrent(tenant.id);
    const elsewhere = counts(findings.filter((f) => !views.some((v) => isIn(f, v.key))));
    const rows = await Promise.all(
      views.map(async (v) => {
        const [latest] = (await this.registers.history(tenant.id, v.key)) ?? [];
        const name = (v.definition as unknown as Register).name;
        return {
          key: v.key,
          href: `/admin/t/${tenant.slug}/registers/${v.key}`,
          name: name && typeof name.en === 'string' ? resolveText(name, lang) : { text: v.key, fallback: false },
          version: v.version,
          validFrom: formatInstant(v.validFrom, lang, tenant.timeZone),
          validFromIso: v.validFrom.toISOString(),
          author: (latest as { author?: string } | undefined)?.author ?? '',
          counts: counts(findings.filter((f) => isIn(f, v.key))),
        };
      }),
    );
    return { rows, elsewhere };
  }

  /**
   * Turns a finding's path into words in `lang` (register, purpose... by their
   * names), for the stored definition or, while a register is being edited, for
   * the definition with `edited` in its place.
   */
  async placer(tenantId: string, lang: Lang, edited?: unknown): Promise<(path: string) => string> {
    const stored = await this.definitions.load(tenantId);
    const id = edited && typeof edited === 'object' ? (edited as { id?: unknown }).id : undefined;
    const def = typeof id === 'string'
      ? { ...stored.definition, registers: stored.definition.registers.map((r) => (r.id === id ? (edited as Register) : r)) }
      : stored.definition;
    return (path: string) => safePlace(def, path, lang);
  }

  /** The facts above a register's content: version, validity, author, summary, findings. */
  async meta(tenant: AdminTenant, view: RegisterView, lang: Lang) {
    const history = (await this.registers.history(tenant.id, view.key)) ?? [];
    const v = history.find((x) => x.version === view.version) as (typeof history)[number] & { author?: string; changeSummary?: string | null };
    const stored = await this.definitions.load(tenant.id);
    const mine = safeLint(stored.definition).filter((f) => isIn(f, view.key));
    return {
      version: view.version,
      versions: history.length,
      retired: view.retired,
      validFrom: formatInstant(view.validFrom, lang, tenant.timeZone),
      validFromIso: view.validFrom.toISOString(),
      author: v?.author ?? '',
      summary: v?.changeSummary ?? '',
      hash: view.contentHash,
      counts: counts(mine),
      findings: mine.map((f) => ({ ...shownFinding(f, lang), where: safePlace(stored.definition, f.path, lang) })),
    };
  }

  versionRows(tenant: AdminTenant, versions: NonNullable<Awaited<ReturnType<RegistersService['history']>>>, lang: Lang, from: number, to: number) {
    return versions.map((v) => {
      const x = v as typeof v & { author?: string; changeSummary?: string | null; isCurrent?: boolean };
      return {
        version: v.version,
        validFrom: formatInstant(v.validFrom, lang, tenant.timeZone),
        validFromIso: v.validFrom.toISOString(),
        validTo: v.validTo ? formatInstant(v.validTo, lang, tenant.timeZone) : '',
        validToIso: v.validTo?.toISOString(),
        author: x.author ?? '',
        summary: x.changeSummary ?? '',
        current: !!x.isCurrent,
        fromSelected: v.version === from,
        toSelected: v.version === to,
      };
    });
  }

  /**
   * Findings grouped by severity (errors first), those in register `key` marked,
   * each with its place in words (`place`), its title in `lang` and, for
   * errors, what it refuses.
   */
  findingGroups(findings: Finding[], key: string, t: T, lang: Lang, place: (path: string) => string = () => '') {
    const c = counts(findings);
    return {
      total: findings.length,
      counts: c,
      definitionErrors: definitionErrors(findings).length,
      summary: t('registers.findingsSummary', { errors: c.error, warnings: c.warning, infos: c.info }),
      groups: SEVERITIES.filter((s) => c[s] > 0).map((s) => ({
        severity: s,
        label: t(`registers.severity.${s}`),
        count: c[s],
        items: findings
          .filter((f) => f.severity === s)
          .map((f) => ({ ...shownFinding(f, lang), where: place(f.path), refuses: refusesWords(f, t), here: isIn(f, key) }))
          .sort((a, b) => Number(b.here) - Number(a.here)),
      })),
    };
  }
}

/**
 * A finding as an admin page shows it: what is wrong in the page language
 * (`title`); the linter's technical message (`detail`, English) only on an
 * English page; the code and path stay for the code-styled line.
 */
export function shownFinding(f: Finding, lang: Lang) {
  return { code: f.code, path: f.path, severity: f.severity, kind: f.kind, title: findingTitle(f.code, lang), detail: lang === 'en' ? f.message : undefined };
}

/** What an error refuses, in words: saving (a definition error) or publishing (every other error). */
export function refusesWords(f: Pick<Finding, 'severity' | 'kind'>, t: T): string | undefined {
  if (f.severity !== 'error') return undefined;
  return t(f.kind === 'definition' ? 'registers.refusesSaving' : 'registers.refusesPublishing');
}

function safePlace(def: unknown, path: string, lang: Lang): string {
  try {
    return findingPlace(def, path, lang);
  } catch {
    return '';
  }
}

function safeLint(def: Parameters<typeof lintController>[0]): Finding[] {
  try {
    return lintController(def);
  } catch {
    return [];
  }
}
