import type { Duration, Lang, Ref, Register, Text } from '@regula/engine';
import { FormBody, OBJECT_PREFIX, itemPrefix, propertyOf } from './form-body';
import { FieldSpec, SECTIONS, SectionKey } from './register-sections';

/** What is wrong with one field, by its key (`i.0.name`): the page says it beside the field, in words (`registers.form.errors.<code>`). */
export interface FieldError {
  key: string;
  code: 'required' | 'english' | 'choice' | 'number' | 'tooLong' | 'ids' | 'noneWithItems' | 'unknownItem';
}

export interface ReadOptions {
  /** The languages the controller publishes in: a text has an input for each. */
  langs: readonly Lang[];
  /** The ref of what a person enters in the form (an item or a sub-item that is new): stated by them. */
  newRef: Ref;
}

const MAX_TEXT = 5000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Booleans the schema always holds (false written out); the others are left out when false and absent before. */
const ALWAYS = new Set(['required', 'providedBySubject', 'firstParty', 'profiling', 'automatedDecisions', 'significantEffects']);

type Item = Record<string, unknown>;

const one = (v: FormBody[string]): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: FormBody[string]): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map((x) => String(x).trim()).filter(Boolean);
const checked = (v: FormBody[string]) => ['on', 'true', 'yes', '1'].includes(one(v));

/** The item numbers posted under `prefix` (`i` → 0, 1, 3), in order. */
export function indicesOf(body: FormBody, prefix: string): number[] {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,4})\\.`);
  const found = new Set<number>();
  for (const k of Object.keys(body)) {
    const m = re.exec(k);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** Nothing typed, ticked or chosen under `key` (a blank row left as it came). */
function blank(body: FormBody, key: string): boolean {
  return Object.entries(body).every(([k, v]) => !k.startsWith(`${key}.`) || k.endsWith('.was') || many(v).length === 0);
}

function setProperty(out: Item, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = out;
  for (const p of parts.slice(0, -1)) {
    if (!node[p] || typeof node[p] !== 'object') node[p] = {};
    node = node[p] as Item;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function slugOf(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}

function newId(item: Item, prefix: string, taken: Set<string>): string {
  const named = (item.name ?? item.label) as Text | undefined;
  const base = (named && typeof named.en === 'string' && slugOf(named.en)) || prefix;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

class Reader {
  readonly errors: FieldError[] = [];
  constructor(private readonly body: FormBody, private readonly opts: ReadOptions) {}

  private fail(key: string, code: FieldError['code']): undefined {
    this.errors.push({ key, code });
    return undefined;
  }

  private text(key: string, optional: boolean | undefined, prev: unknown): Text | undefined {
    const out: Partial<Record<Lang, string>> = prev && typeof prev === 'object' ? { ...(prev as Text) } : {};
    for (const lang of this.opts.langs) {
      const v = one(this.body[`${key}.${lang}`]);
      if (v.length > MAX_TEXT) return this.fail(key, 'tooLong');
      if (v) out[lang] = v;
      else delete out[lang];
    }
    const any = Object.values(out).some((v) => typeof v === 'string' && v !== '');
    if (!any) return optional ? undefined : this.fail(key, 'required');
    if (!out.en) return this.fail(key, 'english');
    return out as Text;
  }

  private duration(key: string, optional: boolean | undefined, prev: unknown): Duration | undefined {
    const d: Duration = {};
    let typed = false;
    for (const unit of ['years', 'months', 'days'] as const) {
      const v = one(this.body[`${key}.${unit}`]);
      if (v === '') continue;
      if (!/^\d{1,4}$/.test(v) || Number(v) > 1000) return this.fail(key, 'number');
      d[unit] = Number(v);
      typed = true;
    }
    // Hours and minutes have no input: kept as they were.
    const p = (prev && typeof prev === 'object' ? prev : {}) as Duration;
    if (!typed && typeof p.hours !== 'number' && typeof p.minutes !== 'number') return optional ? undefined : this.fail(key, 'required');
    if (typeof p.hours === 'number') d.hours = p.hours;
    if (typeof p.minutes === 'number') d.minutes = p.minutes;
    return d;
  }

  field(out: Item, f: FieldSpec, key: string, base: Item | undefined): void {
    const prev = base ? propertyOf(base, f.name) : undefined;
    const v = this.body[key];
    switch (f.kind) {
      case 'text':
        return setProperty(out, f.name, this.text(key, f.optional, prev));
      case 'string': {
        const s = one(v);
        if (s.length > (f.max ?? 200)) return void this.fail(key, 'tooLong');
        if (!s && !f.optional) return void this.fail(key, 'required');
        return setProperty(out, f.name, s || undefined);
      }
      case 'bool': {
        const on = checked(v);
        return setProperty(out, f.name, on ? true : prev !== undefined || ALWAYS.has(f.name) ? false : undefined);
      }
      case 'select': {
        const s = one(v);
        // A transfer without a safeguard is `null` in the schema (the linter's transfer-without-safeguard), not an absent field.
        if (!s) return void (f.optional ? setProperty(out, f.name, f.nullWhenEmpty ? null : undefined) : this.fail(key, 'required'));
        if (!f.options.includes(s)) return void this.fail(key, 'choice');
        return setProperty(out, f.name, s);
      }
      case 'ids': {
        const ids = many(v);
        if (ids.some((id) => !ID.test(id))) return void this.fail(key, 'ids');
        // A recipient with no category ticked receives all of them (the schema's "omitted").
        return setProperty(out, f.name, ids.length === 0 && f.omitWhenEmpty ? undefined : ids);
      }
      case 'strings': {
        const list = one(v).split(/[,\n]/).map((x) => x.trim()).filter(Boolean);
        if (list.some((x) => x.length > 200)) return void this.fail(key, 'tooLong');
        return setProperty(out, f.name, list);
      }
      case 'duration':
        return setProperty(out, f.name, this.duration(key, f.optional, prev));
      case 'list': {
        const before = Array.isArray(prev) ? (prev as Item[]) : [];
        const items: Item[] = [];
        const taken = new Set(before.map((x) => x?.id).filter((x): x is string => typeof x === 'string'));
        for (const m of indicesOf(this.body, key)) {
          const sub = this.item(f.fields, `${key}.${m}`, before);
          if (!sub) continue;
          if (sub.isNew && f.name === 'conditions') sub.item = { id: newId(sub.item, 'condition', taken), ...sub.item };
          items.push(sub.item);
        }
        return setProperty(out, f.name, items.map(f.name === 'legalBases' ? (b) => this.basis(b) : (x) => x));
      }
    }
  }

  /** A legal basis: the law of a legal obligation with its ref, an Art. 9 condition only when one is chosen. */
  private basis(b: Item): Item {
    const obligation = b.legalObligation as { law?: Text; ref?: Ref[] } | undefined;
    if (obligation && !obligation.law) delete b.legalObligation;
    else if (obligation && !Array.isArray(obligation.ref)) obligation.ref = [this.opts.newRef];
    const art9 = b.art9 as { condition?: string; description?: Text } | undefined;
    if (art9 && !art9.condition) delete b.art9;
    return b;
  }

  /** One posted item (null: removed, or a blank new row); `before` the list it was shown from (`was` its index there). */
  item(fields: FieldSpec[], key: string, before: Item[]): { item: Item; isNew: boolean } | null {
    const was = one(this.body[`${key}.was`]);
    if (was !== '' && (!/^\d{1,4}$/.test(was) || !before[Number(was)])) return this.fail(key, 'unknownItem') ?? null;
    const base = was === '' ? undefined : before[Number(was)];
    if (base && checked(this.body[`${key}.remove`])) return null;
    if (!base && blank(this.body, key)) return null;
    const out: Item = base ? structuredClone(base) : {};
    for (const f of fields) this.field(out, f, `${key}.${f.name}`, base);
    if (!base) out.ref = [this.opts.newRef];
    return { item: out, isNew: !base };
  }
}

/** A retention rule keeps the fields of its kind only; a cookie's "session" is its expiry. */
function tidy(section: SectionKey, item: Item, key: string, errors: FieldError[]): Item {
  if (section === 'retention') {
    const keep: Record<string, string[]> = { period: ['anchor', 'period'], conditions: ['conditions', 'then'], 'as-long-as-necessary': [] };
    const mine = keep[String(item.kind)] ?? [];
    for (const f of ['anchor', 'period', 'conditions', 'then']) if (!mine.includes(f)) delete item[f];
    for (const f of mine) if (item[f] === undefined) errors.push({ key: `${key}.${f}`, code: 'required' });
  }
  if (section === 'cookies') {
    if (item.session === true) item.expiry = 'session';
    else if (item.expiry === undefined || item.expiry === 'session') errors.push({ key: `${key}.expiry`, code: 'required' });
    delete item.session;
  }
  return item;
}

/**
 * The register with one section as the form posted it: the items kept (by their
 * index in the version shown, `was`) with every property the form does not show
 * left as it was (refs, provenance, notes), items removed where "remove" is
 * ticked, a new item for each row typed into (its id from its English name, its
 * ref `newRef`), blank rows ignored. Errors name the field; the register is only
 * meaningful when there are none. Pure.
 */
export function readSection(reg: Register, section: SectionKey, body: FormBody, opts: ReadOptions): { register: Register; errors: FieldError[] } {
  const spec = SECTIONS[section];
  const r = new Reader(body, opts);
  const next = structuredClone(reg) as unknown as Item;
  if (!spec.list) {
    const base = (spec.path === '' ? next : ((next[spec.path] ?? {}) as Item));
    const out = structuredClone(base);
    for (const f of spec.fields) r.field(out, f, `${OBJECT_PREFIX}.${f.name}`, base);
    if (spec.path === '') return { register: out as unknown as Register, errors: r.errors };
    next[spec.path] = out;
    return { register: next as unknown as Register, errors: r.errors };
  }
  const before = Array.isArray(next[spec.path]) ? (next[spec.path] as Item[]) : [];
  const taken = new Set(before.map((x) => x?.id).filter((x): x is string => typeof x === 'string'));
  const items: Item[] = [];
  for (const n of indicesOf(body, 'i')) {
    const key = itemPrefix(n);
    const got = r.item(spec.fields, key, before);
    if (!got) continue;
    const item = tidy(section, got.item, key, r.errors);
    items.push(got.isNew && spec.idPrefix ? { id: newId(item, spec.idPrefix, taken), ...item } : item);
  }
  const wasNone = next[spec.path] === 'none';
  const fieldRefs = { ...((next.fieldRefs ?? {}) as Record<string, Ref[]>) };
  if (spec.noneAllowed && checked(body.none)) {
    if (items.length) r.errors.push({ key: 'none', code: 'noneWithItems' });
    next[spec.path] = 'none';
    // "None" said by a person now, where it was a list: stated by them (an earlier assumed or unknown "none" keeps its ref until confirmed).
    if (!wasNone) fieldRefs[spec.path] = [opts.newRef];
  } else if (items.length === 0 && next[spec.path] === undefined && spec.optional) {
    // An optional list (cookies) the register never had stays absent.
  } else {
    next[spec.path] = items;
    // The ref of a "none" no longer applies to a list.
    delete fieldRefs[spec.path];
  }
  if (Object.keys(fieldRefs).length) next.fieldRefs = fieldRefs;
  else delete next.fieldRefs;
  return { register: next as unknown as Register, errors: r.errors };
}
