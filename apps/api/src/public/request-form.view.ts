import type { RequestType } from '@regula/requests';
import { LocalText } from '../web/i18n';
import { ALL_PURPOSES, CORRECTION_ROWS, ConsentPurposeOption, FormErrors, FormValues, OBJECTION_SCOPES, orderedErrors } from './request-form';

/**
 * What the form template renders: sections (a fieldset when they have a
 * legend) of labelled fields and choices, each with its hint and error ids
 * for aria-describedby, and the error summary linking to the fields.
 */

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface FieldView {
  id: string;
  name: string;
  label: string;
  marker?: string;
  hint?: string;
  hintId?: string;
  error?: string;
  errorId?: string;
  describedBy?: string;
  value?: string;
  required: boolean;
  textarea: boolean;
  inputType: string;
  autocomplete?: string;
  maxlength: number;
  rows?: number;
}

export interface ChoiceView {
  id: string;
  name: string;
  value: string;
  label: LocalText;
  detail?: LocalText;
  checked: boolean;
  inputType: 'radio' | 'checkbox';
}

export interface SectionView {
  legend?: string;
  marker?: string;
  hint?: string;
  hintId?: string;
  error?: string;
  errorId?: string;
  describedBy?: string;
  note?: string;
  fields: FieldView[];
  choices: ChoiceView[];
}

export interface FormView {
  sections: SectionView[];
  errorSummary: { href: string; text: string }[];
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export function buildFormView(
  type: RequestType,
  t: T,
  values: FormValues,
  errors: FormErrors,
  opts: { controllerName: string; consentPurposes: ConsentPurposeOption[]; withdrawalDays: number },
): FormView {
  const vars = { name: opts.controllerName };
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const field = (name: string, label: string, o: Partial<FieldView> = {}): FieldView => {
    const id = `f-${name}`;
    const error = errors[name] ? t(errors[name], vars) : undefined;
    const hintId = o.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const required = o.required ?? false;
    return {
      id, name, label, hint: o.hint, hintId, error, errorId, describedBy: describedBy(hintId, errorId),
      value: str(name), required, marker: required ? undefined : t('common.optional'),
      textarea: o.textarea ?? false, inputType: o.inputType ?? 'text', autocomplete: o.autocomplete,
      maxlength: o.maxlength ?? 500, rows: o.rows,
    };
  };
  const section = (s: Partial<SectionView> & { key: string }): SectionView => {
    const id = `s-${s.key}`;
    const error = errors[s.key] ? t(errors[s.key], vars) : undefined;
    const hintId = s.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    return { legend: s.legend, marker: s.marker, hint: s.hint, hintId, error, errorId, describedBy: describedBy(hintId, errorId), note: s.note, fields: s.fields ?? [], choices: s.choices ?? [] };
  };

  const sections: SectionView[] = [
    section({
      key: 'details',
      legend: t('form.yourDetails'),
      fields: [
        field('name', t('form.name'), { required: true, autocomplete: 'name', maxlength: 200 }),
        field('email', t('form.email'), { required: true, inputType: 'email', autocomplete: 'email', maxlength: 254, hint: t('form.emailHint', vars) }),
      ],
    }),
  ];

  if (type === 'rectification') {
    for (let i = 1; i <= CORRECTION_ROWS; i++) {
      sections.push(
        section({
          key: `c${i}`,
          legend: `${t('form.corrections')}: ${t('form.correctionRow', { n: i })}`,
          marker: i === 1 ? undefined : t('common.optional'),
          hint: i === 1 ? t('form.correctionsHint') : undefined,
          fields: [
            field(`c${i}_field`, t('form.correctionField'), { maxlength: 200 }),
            field(`c${i}_current`, t('form.correctionCurrent'), { maxlength: 2000 }),
            field(`c${i}_corrected`, t('form.correctionCorrected'), { maxlength: 2000 }),
          ].map((f) => ({ ...f, required: false, marker: undefined })),
        }),
      );
    }
  }
  if (type === 'recipients-in-period') {
    sections.push(
      section({
        key: 'period',
        legend: t('form.period'),
        hint: t('form.periodHint'),
        fields: [
          field('from', t('form.from'), { required: true, inputType: 'date', maxlength: 10 }),
          field('to', t('form.to'), { required: true, inputType: 'date', maxlength: 10 }),
        ],
      }),
    );
  }
  if (type === 'objection') {
    const chosen = str('scope');
    sections.push(
      section({
        key: 'scope',
        legend: t('form.scope'),
        choices: OBJECTION_SCOPES.map((scope) => ({
          id: `f-scope-${scope}`,
          name: 'scope',
          value: scope,
          label: { value: t(scope === 'all' ? 'form.scopeAll' : 'form.scopeDirectMarketing') },
          checked: chosen === scope,
          inputType: 'radio' as const,
        })),
      }),
    );
  }
  if (type === 'objection-direct-marketing') {
    sections.push(section({ key: 'dm', note: t('form.directMarketingNote', vars) }));
  }
  if (type === 'consent-withdrawal') {
    const note = opts.withdrawalDays > 0 ? t('form.withdrawalDays', { ...vars, days: opts.withdrawalDays }) : undefined;
    if (opts.consentPurposes.length) {
      const chosen = new Set(Array.isArray(values.purposes) ? values.purposes : []);
      sections.push(
        section({
          key: 'purposes',
          legend: t('form.purposes'),
          hint: t('form.purposesHint'),
          note,
          choices: [
            ...opts.consentPurposes.map((p, i) => ({
              id: `f-purposes-${i + 1}`,
              name: 'purposes',
              value: p.value,
              label: p.label,
              detail: p.registerName,
              checked: chosen.has(p.value),
              inputType: 'checkbox' as const,
            })),
            { id: 'f-purposes-all', name: 'purposes', value: ALL_PURPOSES, label: { value: t('form.purposeAll') }, checked: chosen.has(ALL_PURPOSES), inputType: 'checkbox' as const },
          ],
        }),
      );
    } else {
      sections.push(
        section({
          key: 'purposesText',
          note,
          fields: [field('purposesText', t('form.purposesFree'), { required: true, textarea: true, rows: 3, maxlength: 1000, hint: t('form.purposesFreeHint') })],
        }),
      );
    }
  }
  sections.push(
    section({
      key: 'message',
      fields: [field('message', t('form.message'), { textarea: true, rows: 6, maxlength: 5000, hint: t(`form.messageHint.${type}`, vars) })],
    }),
  );

  const anchor = (key: string): string => {
    if (key === 'scope') return '#f-scope-direct-marketing';
    if (key === 'purposes') return '#f-purposes-1';
    if (/^c\d$/.test(key)) return `#f-${key}_field`;
    return `#f-${key}`;
  };
  const errorSummary = orderedErrors(type, errors).map(([key, msg]) => ({ href: anchor(key), text: t(msg, vars) }));
  return { sections, errorSummary };
}
