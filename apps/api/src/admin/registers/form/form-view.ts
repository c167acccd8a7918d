import type { Finding, Lang, Register, Text } from '@regula/engine';
import { findingPlace, findingWords, resolveText } from '@regula/engine';
import { languageName } from '../../../web/format';
import { codeText } from '../code-words';
import { FormBody, OBJECT_PREFIX, itemPrefix } from './form-body';
import { FieldError, indicesOf } from './form-read';
import { SECTION_WIDE, attachKey, findingField } from './finding-fields';
import { FieldSpec, SECTIONS, SectionKey } from './register-sections';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** A linter finding as the form shows it beside its field. */
export interface FieldFinding {
  severity: Finding['severity'];
  severityWords: string;
  refuses?: string;
  /** Where in the register (relative to the register) and what is wrong, in the page language. */
  words: string;
  /** The linter's technical message, on an English page only. */
  detail?: string;
  code: string;
  path: string;
}

export interface ControlView {
  key: string;
  id: string;
  label: string;
  hint: string;
  invalid: boolean;
  errors: string[];
  findings: FieldFinding[];
  text?: { long: boolean; inputs: { name: string; id: string; lang: Lang; langName: string; value: string }[] };
  string?: { name: string; value: string; max: number };
  bool?: { name: string; checked: boolean };
  select?: { name: string; options: { value: string; words: string; selected: boolean }[] };
  ids?: { name: string; options: { value: string; id: string; words: string; checked: boolean }[]; none: boolean };
  duration?: { units: { name: string; id: string; label: string; value: string }[] };
  strings?: { name: string; value: string };
  list?: { items: ItemView[] };
}

export interface ItemView {
  key: string;
  id: string;
  legend: string;
  code?: string;
  isNew: boolean;
  was?: { name: string; value: string };
  remove?: { name: string; id: string };
  controls: ControlView[];
  findings: FieldFinding[];
  invalid: boolean;
}

export interface SectionView {
  key: SectionKey;
  list: boolean;
  none?: { name: string; id: string; checked: boolean; label: string; hint: string; errors: string[] };
  items: ItemView[];
  controls: ControlView[];
  findings: FieldFinding[];
  /** Every error on the page, for the summary at its top (links to the fields). */
  errorLinks: { href: string; text: string }[];
  findingCount: number;
}

export interface ViewInput {
  reg: Register;
  section: SectionKey;
  body: FormBody;
  langs: readonly Lang[];
  lang: Lang;
  t: T;
  errors: FieldError[];
  findings: Finding[];
  refusesWords: (f: Finding) => string | undefined;
}

const htmlId = (key: string) => `f-${key.replace(/\./g, '-')}`;
const one = (v: FormBody[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: FormBody[string]) => (Array.isArray(v) ? v : v ? [v] : []);
/** The catalogue key of a field's words: `legalObligation.law` → `legalObligationLaw`. */
const wordKey = (name: string) => name.replace(/\.([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function textOf(text: unknown, lang: Lang): string | undefined {
  return text && typeof text === 'object' && typeof (text as Text).en === 'string' ? resolveText(text as Text, lang).text : undefined;
}

class Builder {
  private readonly shown: string[] = [];
  private readonly controls = new Map<string, ControlView>();
  private readonly items = new Map<string, ItemView>();
  readonly errorLinks: { href: string; text: string }[] = [];

  constructor(private readonly v: ViewInput) {}

  private words(path: string[], what: 'label' | 'hint'): string {
    return this.v.t(`registers.form.f.${this.v.section}.${path.map(wordKey).join('_')}.${what}`);
  }

  private options(f: Extract<FieldSpec, { kind: 'ids' }>) {
    const list = (this.v.reg as unknown as Record<string, unknown>)[f.of];
    return (Array.isArray(list) ? list : []).filter((x) => x && typeof x.id === 'string').map((x: { id: string; name?: Text; description?: Text }) => ({
      value: x.id, words: textOf(x.name, this.v.lang) ?? textOf(x.description, this.v.lang) ?? x.id,
    }));
  }

  control(f: FieldSpec, key: string, path: string[]): ControlView {
    const { body, t, langs } = this.v;
    const id = htmlId(key);
    const c: ControlView = { key, id, label: this.words(path, 'label'), hint: this.words(path, 'hint'), invalid: false, errors: [], findings: [] };
    switch (f.kind) {
      case 'text':
        c.text = { long: !!f.long, inputs: langs.map((lang) => ({ name: `${key}.${lang}`, id: `${id}-${lang}`, lang, langName: languageName(lang), value: one(body[`${key}.${lang}`]) })) };
        break;
      case 'string':
        c.string = { name: key, value: one(body[key]), max: f.max ?? 200 };
        break;
      case 'bool':
        c.bool = { name: key, checked: one(body[key]) === 'on' };
        break;
      case 'select': {
        const chosen = one(body[key]);
        const words = (o: string) => (f.group ? codeText(this.v.lang, f.group, o) : t(`registers.form.options.${f.name}.${o}`));
        c.select = { name: key, options: [{ value: '', words: t('registers.form.choose'), selected: chosen === '' }, ...f.options.map((o) => ({ value: o, words: words(o), selected: o === chosen }))] };
        break;
      }
      case 'ids': {
        const ticked = new Set(many(body[key]));
        const options = this.options(f).map((o, n) => ({ ...o, id: `${id}-${n}`, checked: ticked.has(o.value) }));
        c.ids = { name: key, options, none: options.length === 0 };
        break;
      }
      case 'strings':
        c.strings = { name: key, value: one(body[key]) };
        break;
      case 'duration':
        c.duration = { units: (['years', 'months', 'days'] as const).map((u) => ({ name: `${key}.${u}`, id: `${id}-${u}`, label: t(`registers.form.${u}`), value: one(body[`${key}.${u}`]) })) };
        break;
      case 'list': {
        const items = indicesOf(body, key).map((m) => this.item(f.fields, `${key}.${m}`, [...path], m, f.name));
        if (!items.some((x) => x.isNew)) {
          const next = (indicesOf(body, key).pop() ?? -1) + 1;
          items.push(this.item(f.fields, `${key}.${next}`, [...path], next, f.name));
        }
        c.list = { items };
        break;
      }
    }
    this.shown.push(key);
    this.controls.set(key, c);
    return c;
  }

  item(fields: FieldSpec[], key: string, path: string[], n: number, listName: string): ItemView {
    const { body, t } = this.v;
    const was = one(body[`${key}.was`]);
    const isNew = was === '';
    const name = one(body[`${key}.name.${this.v.lang}`]) || one(body[`${key}.name.en`]) || one(body[`${key}.label.${this.v.lang}`]) || one(body[`${key}.label.en`]) || one(body[`${key}.name`]);
    const stored = isNew ? undefined : this.storedItem(key);
    const legend = isNew ? t(`registers.form.add.${listName}`) : `${t(`registers.form.item.${listName}`, { n: n + 1 })}${name ? `: ${name}` : ''}`;
    const view: ItemView = {
      key, id: htmlId(key), legend, isNew, invalid: false, findings: [],
      code: stored && typeof stored.id === 'string' ? stored.id : undefined,
      was: isNew ? undefined : { name: `${key}.was`, value: was },
      remove: isNew ? undefined : { name: `${key}.remove`, id: `${htmlId(key)}-remove` },
      controls: [],
    };
    view.controls = fields.map((f) => this.control(f, `${key}.${f.name}`, [...path, f.name]));
    this.shown.push(key);
    this.items.set(key, view);
    return view;
  }

  /** The stored item a posted row stands for (its id is shown beside its legend). */
  private storedItem(key: string): Record<string, unknown> | undefined {
    const spec = SECTIONS[this.v.section];
    let node: unknown = spec.path === '' ? this.v.reg : (this.v.reg as unknown as Record<string, unknown>)[spec.path];
    const parts = key.split('.');
    // i.N[.list.M]: walk the indices the rows were shown with.
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      if (p === 0) continue;
      if (/^\d+$/.test(part)) {
        const was = one(this.v.body[`${parts.slice(0, p + 1).join('.')}.was`]);
        node = Array.isArray(node) && was !== '' ? node[Number(was)] : undefined;
      } else node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    }
    return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
  }

  build(): SectionView {
    const { reg, section, body, t } = this.v;
    const spec = SECTIONS[section];
    const view: SectionView = { key: section, list: spec.list, items: [], controls: [], findings: [], errorLinks: this.errorLinks, findingCount: 0 };
    if (spec.list) {
      view.items = indicesOf(body, 'i').map((n) => this.item(spec.fields, itemPrefix(n), [], n, section));
      if (!view.items.some((x) => x.isNew)) {
        const next = (indicesOf(body, 'i').pop() ?? -1) + 1;
        view.items.push(this.item(spec.fields, itemPrefix(next), [], next, section));
      }
      if (spec.noneAllowed) view.none = { name: 'none', id: 'f-none', checked: one(body.none) === 'on', label: t(`registers.form.none.${section}`), hint: t('registers.form.noneHint'), errors: [] };
    } else view.controls = spec.fields.map((f) => this.control(f, `${OBJECT_PREFIX}.${f.name}`, [f.name]));

    for (const e of this.v.errors) {
      const text = t(`registers.form.errors.${e.code}`);
      if (e.key === 'none' && view.none) {
        view.none.errors.push(text);
        this.errorLinks.push({ href: '#f-none', text: `${view.none.label}: ${text}` });
        continue;
      }
      const at = attachKey(e.key, this.shown);
      const target = this.controls.get(at) ?? this.items.get(at);
      if (target && 'errors' in target) { target.errors.push(text); target.invalid = true; }
      else if (target) target.invalid = true;
      const label = this.controls.get(at)?.label ?? this.items.get(at)?.legend ?? '';
      this.errorLinks.push({ href: `#${target ? ('text' in target && target.text ? target.text.inputs[0].id : target.id) : 'form'}`, text: label ? `${label}: ${text}` : text });
    }
    for (const f of this.v.findings) {
      const place = findingField(f.path, reg.id, reg);
      if (!place || place.section !== section) continue;
      const shown: FieldFinding = { severity: f.severity, severityWords: codeText(this.v.lang, 'severity', f.severity), refuses: this.v.refusesWords(f), words: findingWords(f.code, placeInRegister(reg, f.path, this.v.lang), this.v.lang), detail: this.v.lang === 'en' ? f.message : undefined, code: f.code, path: f.path };
      view.findingCount++;
      const at = place.key === SECTION_WIDE ? SECTION_WIDE : attachKey(place.key, this.shown);
      const target = this.controls.get(at) ?? this.items.get(at);
      (target ?? view).findings.push(shown);
    }
    return view;
  }
}

/** A finding's place within register `reg` in words (the register itself left out: the form is its page); '' for the register as a whole. */
function placeInRegister(reg: Register, path: string, lang: Lang): string {
  const prefix = `registers[${reg.id}]`;
  const rest = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : '';
  try {
    return rest ? findingPlace(reg, rest, lang) : '';
  } catch {
    return '';
  }
}

/** The section's form: every field with its words, the values of `body`, the errors and the linter's findings beside the field they concern. */
export function sectionView(input: ViewInput): SectionView {
  return new Builder(input).build();
}

/** How many findings of `findings` each section of register `reg` has (the sections' menu). */
export function findingsPerSection(findings: Finding[], reg: Register): Record<SectionKey, number> {
  const out = Object.fromEntries(Object.keys(SECTIONS).map((k) => [k, 0])) as Record<SectionKey, number>;
  for (const f of findings) {
    const place = findingField(f.path, reg.id, reg);
    if (place) out[place.section]++;
  }
  return out;
}
