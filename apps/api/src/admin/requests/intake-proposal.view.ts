import { Lang } from '@regula/engine';
import { FINAL_STATES, REQUEST_TYPES, type IntakeProposal, type RequestState } from '@regula/requests';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import type { FormState } from './request-detail.view';

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The "received by e-mail" panel of a request the intake filed: what Regula read in
 * the message (type, a forward's original arrival) and, until an admin confirmed it,
 * the form that confirms the type and chooses the receipt.
 */
export function intakeProposalView(p: IntakeProposal, r: { reference: string; type: string; state: RequestState; requesterName: string; requesterEmail: string | null; identityVerifiedAt: Date | null }, tenant: AdminTenant, lang: Lang, t: T, failed?: FormState) {
  const when = (at: Date) => formatInstant(at, lang, tenant.timeZone);
  const mine = failed?.action === 'intake-confirm';
  const chosenType = mine && typeof failed.values.type === 'string' ? failed.values.type : r.type;
  const chosenReceipt = mine && typeof failed.values.receipt === 'string' ? failed.values.receipt : p.proposedReceivedAt ? 'proposed' : 'accepted';
  const fixing = failed?.action === 'intake-requester';
  const typed = (k: string, fallback: string) => (fixing && typeof failed.values[k] === 'string' ? (failed.values[k] as string) : fallback);
  return {
    accepted: when(p.acceptedAt),
    sender: p.envelopeFrom,
    forwarded: p.forwarded,
    proposedType: p.proposedType ? t(`types.${p.proposedType}`) : null,
    arrival: p.proposedReceivedAt ? { at: when(p.proposedReceivedAt), source: p.proposedReceivedSource ? t(`intake.source.${p.proposedReceivedSource}`) : '' } : null,
    confirmed: p.confirmedAt ? when(p.confirmedAt) : null,
    // Who made the request (a forward's original sender, proposed by the intake): correctable until identity is confirmed.
    requester: {
      show: !FINAL_STATES.includes(r.state) && !r.identityVerifiedAt && (tenant.permissions as string[]).includes('requests:write'),
      action: `/admin/t/${tenant.slug}/requests/${r.reference}/intake/requester`,
      error: fixing ? failed.error : undefined,
      name: typed('name', r.requesterName),
      email: typed('email', r.requesterEmail ?? ''),
    },
    form: {
      show: !p.confirmedAt && !FINAL_STATES.includes(r.state) && (tenant.permissions as string[]).includes('requests:write'),
      action: `/admin/t/${tenant.slug}/requests/${r.reference}/intake/confirm`,
      error: mine ? failed.error : undefined,
      types: Object.keys(REQUEST_TYPES).map((value) => ({ value, label: t(`types.${value}`), selected: value === chosenType })),
      receipts: [
        { value: 'accepted', label: t('intake.receiptAccepted', { at: when(p.acceptedAt) }), checked: chosenReceipt !== 'proposed' || !p.proposedReceivedAt },
        ...(p.proposedReceivedAt ? [{ value: 'proposed', label: t('intake.receiptProposed', { at: when(p.proposedReceivedAt) }), checked: chosenReceipt === 'proposed' }] : []),
      ],
    },
  };
}
