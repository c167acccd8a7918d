import { Injectable } from '@nestjs/common';
import type { Lang, Text } from '@regula/engine';
import { FactConfirmationsService, FactView, RegistersService } from '@regula/registers';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** A fact as the "to confirm" page shows it. */
export interface FactRow {
  path: string;
  anchor: string;
  kind: string;
  label?: string;
  value: string;
  /** The value as editable text: the text itself, or JSON for an object. */
  editable: string;
  valueHash: string;
  classWords: string;
  unknown: boolean;
  reason?: string;
  source?: string;
  sections: string[];
  retentionRecords?: number;
  confirmation?: { by: string; at: string; note: string; replaced: boolean; forDemo: boolean };
}

export interface FactGroup {
  title: string;
  rows: FactRow[];
}

/** Anchors in the page: the path with anything but letters, digits and dashes turned into dashes. */
export const factAnchor = (path: string) => `fact-${path.replace(/[^A-Za-z0-9-]+/g, '-')}`;

/**
 * The "to confirm" page: every assumed or unknown fact a published text would
 * state, grouped by register, with why it is not stated, what rests on it and
 * a form to confirm it; below, the confirmations already made.
 */
@Injectable()
export class FactsPage {
  constructor(private readonly facts: FactConfirmationsService, private readonly registers: RegistersService) {}

  async model(tenant: AdminTenant, lang: Lang, t: T) {
    const all = await this.facts.facts(tenant.id);
    const names = new Map((await this.registers.listCurrent(tenant.id)).map((r) => [r.key, textIn((r.definition as { name?: Text }).name, lang) ?? r.key]));
    const waiting = all.filter((f) => f.sections.length > 0 && (f.provenance === 'assumed' || f.provenance === 'unknown'));
    const confirmed = all.filter((f) => f.confirmation);
    const group = (list: FactView[]): FactGroup[] => {
      const out = new Map<string, FactRow[]>();
      for (const f of list) {
        const title = f.registerId ? t('facts.register', { name: names.get(f.registerId) ?? f.registerId }) : t('facts.controller');
        out.set(title, [...(out.get(title) ?? []), this.row(f, lang, t)]);
      }
      return [...out].map(([title, rows]) => ({ title, rows }));
    };
    return {
      waiting: group(waiting),
      waitingCount: waiting.length,
      unknownCount: waiting.filter((f) => f.provenance === 'unknown').length,
      confirmed: group(confirmed),
      confirmedCount: confirmed.length,
      // Shown open when there are few (a real controller's own), folded when the demo confirmed many at once.
      openConfirmed: confirmed.length <= 12,
      canConfirm: tenant.permissions.includes('registers:write'),
      action: `/admin/t/${tenant.slug}/facts/confirm`,
      policiesHref: `/admin/t/${tenant.slug}/policies`,
    };
  }

  private row(f: FactView, lang: Lang, t: T): FactRow {
    return {
      path: f.path,
      anchor: factAnchor(f.path),
      kind: t(`facts.kind.${f.kind}`) === `facts.kind.${f.kind}` ? f.kind : t(`facts.kind.${f.kind}`),
      label: textIn(f.label, lang),
      value: f.provenance === 'unknown' && !f.confirmation ? t('facts.notStated') : valueWords(f.value, lang, t),
      editable: typeof f.value === 'string' ? f.value : JSON.stringify(f.value, null, 2),
      valueHash: f.valueHash,
      classWords: t(`facts.class.${f.definedAs}`),
      unknown: f.definedAs === 'unknown',
      reason: f.reason,
      source: f.source,
      sections: f.sections.map((s) => t(`facts.section.${s}`)),
      retentionRecords: f.retentionRecords,
      confirmation: f.confirmation,
    };
  }
}

function textIn(text: Text | Record<string, string> | undefined, lang: Lang): string | undefined {
  if (!text || typeof text !== 'object') return undefined;
  const v = (text as Record<string, string>)[lang];
  return typeof v === 'string' && v.trim() ? v : (text as Record<string, string>).en;
}

const isText = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { en?: unknown }).en === 'string' && Object.keys(v).every((k) => /^(en|et|lt|lv|sv)$/.test(k));

/** A value in words for the page: texts in the page language, an object as "field: value" lines, 'none' as "none (stated in the register)". */
export function valueWords(value: unknown, lang: Lang, t: T): string {
  if (value === 'none') return t('facts.none');
  if (typeof value === 'string') return value.trim() === '' ? t('facts.notStated') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isText(value)) return textIn(value, lang) ?? '';
  if (Array.isArray(value)) return value.map((v) => valueWords(v, lang, t)).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'object' && !isText(v) && Object.keys(v as object).length === 0))
      .map(([k, v]) => `${k}: ${valueWords(v, lang, t)}`)
      .join('\n');
  }
  return '';
}
