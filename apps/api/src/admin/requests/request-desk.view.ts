import type { TeamMember } from '@regula/requests';

type T = (key: string, vars?: Record<string, unknown>) => string;

interface FormView {
  show: boolean;
  error?: string;
}

/** The order in which the page proposes the next action: the first one shown is the prominent one. */
const NEXT_ACTION_ORDER = ['identity-confirm', 'fulfil', 'reply', 'message'] as const;
/** Every action form of the page, in the order the "other actions" list shows them. */
const ACTION_ORDER = ['identity-confirm', 'identity-reject', 'fulfil', 'reply', 'message', 'extend', 'fee', 'refuse'] as const;
const TITLE: Record<(typeof ACTION_ORDER)[number], string> = {
  'identity-confirm': 'actions.confirmTitle',
  'identity-reject': 'actions.rejectTitle',
  fulfil: 'actions.fulfilTitle',
  reply: 'actions.replyTitle',
  message: 'actions.messageTitle',
  extend: 'actions.extendTitle',
  fee: 'actions.feeTitle',
  refuse: 'actions.refuseTitle',
};

export interface DeskAction {
  name: string;
  title: string;
  /** The partial holding its form (`requests/actions/<name>`). */
  partial: string;
  /** Open when its form came back with an error. */
  open: boolean;
}

/**
 * One action at a time: the next sensible action is shown open, the others
 * each behind their own disclosure (a `<details>`, no script needed). A
 * document waiting for review makes confirming identity the next action;
 * otherwise fulfilling, then replying, then writing to the requester.
 */
export function deskActions(forms: Record<string, FormView>, pendingEvidence: number, t: T): { primary: DeskAction | null; others: DeskAction[] } {
  const action = (name: (typeof ACTION_ORDER)[number]): DeskAction => ({ name, title: t(TITLE[name]), partial: `requests/actions/${name}`, open: !!forms[name]?.error });
  const shown = ACTION_ORDER.filter((n) => forms[n]?.show);
  // Confirming identity is proposed first only when there is something to check (a document); else fulfilling comes first when allowed.
  const candidates = NEXT_ACTION_ORDER.filter((n) => shown.includes(n) && (n !== 'identity-confirm' || pendingEvidence > 0));
  const first = candidates[0] ?? shown[0];
  return { primary: first ? action(first) : null, others: shown.filter((n) => n !== first).map(action) };
}

/** The handler of the request and the choice of members to (re)assign it to. */
export function deskAssignment(assignee: { userId: string; name: string } | null, team: TeamMember[], userId: string, form: FormView & { action: string }, t: T) {
  const members = team.map((m) => ({ value: m.userId, label: m.userId === userId ? t('desk.me', { name: m.name }) : m.name, selected: m.userId === assignee?.userId }));
  // A handler whose membership ended stays visible as the current choice.
  if (assignee && !team.some((m) => m.userId === assignee.userId)) members.unshift({ value: assignee.userId, label: assignee.name, selected: true });
  return {
    handler: assignee ? assignee.name : null,
    mine: assignee?.userId === userId,
    members,
    canAssign: form.show,
    action: form.action,
    error: form.error,
    takeIt: form.show && assignee?.userId !== userId && team.some((m) => m.userId === userId) ? userId : null,
  };
}
