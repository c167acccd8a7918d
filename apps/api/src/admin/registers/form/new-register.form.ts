import type { Country, Lang, Register, Text } from '@regula/engine';
import { REGISTER_TEMPLATES, blankRegister, isRegisterTemplateKey, registerFromTemplate, resolveText } from '@regula/engine';
import { REGISTER_KEY } from '@regula/registers';
import { languageName } from '../../../web/format';
import { FormBody } from './form-body';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The create form as typed: the key, the template chosen (`blank` from nothing), the name per language. */
export interface NewRegisterForm {
  key: string;
  template: string;
  names: Partial<Record<Lang, string>>;
}

export type NewRegisterRead =
  | { ok: true; register: Register; template?: string; templateName: string; typed: NewRegisterForm }
  | { ok: false; typed: NewRegisterForm; errors: { field: string; code: string }[] };

/** `new` names the create page itself: never a register's key. */
const RESERVED = new Set(['new']);
const one = (v: FormBody[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * The register the create form asks for: from a template (its values assumed; a
 * name typed replaces the template's in those languages) or from nothing (the
 * name needed, in English at least). Errors name the field.
 */
export function readNewRegister(body: FormBody, langs: readonly Lang[], country: Country, lang: Lang): NewRegisterRead {
  const typed: NewRegisterForm = { key: one(body.key).slice(0, 100), template: one(body.template).slice(0, 50), names: {} };
  for (const l of langs) typed.names[l] = one(body[`name.${l}`]).slice(0, 500);
  const errors: { field: string; code: string }[] = [];
  if (!REGISTER_KEY.test(typed.key) || RESERVED.has(typed.key)) errors.push({ field: 'key', code: 'keyInvalid' });
  const template = isRegisterTemplateKey(typed.template) ? typed.template : undefined;
  if (!template && typed.template !== 'blank') errors.push({ field: 'template', code: 'template' });
  const named = Object.fromEntries(Object.entries(typed.names).filter(([, v]) => v)) as Partial<Text>;
  if (!template && typed.template === 'blank' && Object.keys(named).length === 0) errors.push({ field: 'name', code: 'required' });
  else if (Object.keys(named).length > 0 && !named.en) errors.push({ field: 'name', code: 'english' });
  if (errors.length) return { ok: false, typed, errors };
  if (!template) return { ok: true, register: blankRegister(typed.key, named as Text), templateName: '', typed };
  const register = registerFromTemplate(template, typed.key, country);
  if (named.en) register.name = { ...register.name, ...named } as Text;
  const entry = REGISTER_TEMPLATES.find((x) => x.key === template)!;
  return { ok: true, register, template, templateName: resolveText(entry.name, lang).text, typed };
}

/** The create form's view: the key, the templates (from nothing first), the name per language, errors beside their field. */
export function newRegisterView(typed: NewRegisterForm, errors: { field: string; code: string }[], langs: readonly Lang[], lang: Lang, t: T) {
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => t(`registers.form.errors.${e.code}`));
  return {
    key: { value: typed.key, errors: errorOf('key') },
    templates: [
      { value: 'blank', id: 't-blank', name: t('registers.form.blank'), description: t('registers.form.blankHint'), checked: typed.template === 'blank' },
      ...REGISTER_TEMPLATES.map((x) => ({ value: x.key, id: `t-${x.key}`, name: resolveText(x.name, lang).text, description: resolveText(x.description, lang).text, checked: typed.template === x.key })),
    ],
    templateErrors: errorOf('template'),
    names: langs.map((l) => ({ name: `name.${l}`, id: `n-${l}`, lang: l, langName: languageName(l), value: typed.names[l] ?? '' })),
    nameErrors: errorOf('name'),
    errorLinks: errors.map((e) => ({ href: e.field === 'key' ? '#n-key' : e.field === 'template' ? '#t-blank' : '#n-en', text: t(`registers.form.errors.${e.code}`) })),
  };
}
