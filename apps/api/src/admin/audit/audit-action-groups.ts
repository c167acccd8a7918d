import { AUDIT_ACTIONS, AuditAction } from '@regula/audit';

/** The action filter's sections (labels `audit.group.<name>`), in order. */
export const AUDIT_ACTION_GROUPS = ['access', 'controller', 'records', 'requests', 'breaches', 'data', 'oversight'] as const;
export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

const GROUP_OF_PREFIX: Record<string, AuditActionGroup> = {
  auth: 'access', sso: 'access', user: 'access', membership: 'access',
  tenant: 'controller', fact: 'controller',
  register: 'records', registers: 'records', policy: 'records',
  request: 'requests', requests: 'requests',
  breach: 'breaches',
  record: 'data', consent: 'data', ingest: 'data', webhook: 'data', 'source-system': 'data',
  retention: 'oversight', export: 'oversight', 'personal-data': 'oversight', audit: 'oversight',
};

export function groupOf(code: AuditAction): AuditActionGroup {
  return GROUP_OF_PREFIX[code.split('.')[0]] ?? 'oversight';
}

/** The action filter's choices: each section with its actions by label (the language's order). */
export function actionChoices(t: (key: string) => string, selected: string | undefined, collator: Intl.Collator) {
  const groups = AUDIT_ACTION_GROUPS.map((g) => ({
    label: t(`audit.group.${g}`),
    options: AUDIT_ACTIONS.filter((c) => groupOf(c) === g)
      .map((c) => ({ value: c, label: t(`audit.actions.${c}`), selected: c === selected }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  }));
  return { groups, other: selected && !(AUDIT_ACTIONS as readonly string[]).includes(selected) ? selected : undefined };
}
