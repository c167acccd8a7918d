import { languageName } from '../../web/format';
import { RECORDED_CHANNELS, REQUEST_TYPES, MAX_ORIGINAL_BYTES } from '@regula/requests';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, params?: Record<string, unknown>) => string;
export type RecordFormValues = Record<string, unknown>;

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The "record a request" page: the form, with what was typed after an error. */
export function recordRequestView(t: T, tenant: AdminTenant, adminLabel: string, values: RecordFormValues = {}, error?: string) {
  const types = asList(values.types);
  return {
    action: `/admin/t/${tenant.slug}/requests/new`,
    backHref: `/admin/t/${tenant.slug}/requests`,
    error,
    values: { receivedBy: adminLabel, ...values },
    timeZone: tenant.timeZone,
    channels: RECORDED_CHANNELS.map((c) => ({ value: c, label: t(`record.channels.${c}`), selected: values.channel === c })),
    // Every type: one the controller does not offer comes back as a 400 naming it (the service checks).
    types: Object.keys(REQUEST_TYPES).map((k) => ({ value: k, label: t(`types.${k}`), checked: types.includes(k) })),
    locales: tenant.langs.map((l) => ({ value: l, label: languageName(l), selected: values.locale === l })),
    maxMb: MAX_ORIGINAL_BYTES / 1024 / 1024,
  };
}
