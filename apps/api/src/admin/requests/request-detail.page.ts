import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import type { FulfilmentService, MailIntakeService, RequestAssignmentService, RequestRepliesService, RequestsService } from '@regula/requests';
import type { AdminPages } from '../shared/admin-pages.service';
import { staffActor } from '@regula/requests';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { intakeProposalView } from './intake-proposal.view';
import type { RequestChannelPanel } from './request-channel.panel';
import { FormState, requestDetailView } from './request-detail.view';
import { planRows } from './fulfilment-preview.view';
import { todayIn } from './request-urgency';

const REFERENCE = /^[Rr]-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}$/;

/** A request reference from the URL, upper-cased; 404 when it cannot be one. */
export function checkedReference(reference: string): string {
  if (!REFERENCE.test(reference)) throw new NotFoundException();
  return reference.toUpperCase();
}

/** A request's page (after a GET, or again with a form's error and status), read with the checked tenant's id. */
export async function renderRequestDetail(
  deps: { pages: AdminPages; requests: RequestsService; replies: RequestRepliesService; intake: MailIntakeService; assignment: RequestAssignmentService; channel: RequestChannelPanel; fulfilment?: FulfilmentService },
  req: AdminHttpRequest,
  res: Response,
  ref: string,
  status: number,
  failed?: FormState,
  flash?: string,
): Promise<string> {
  const tenant = tenantOf(req);
  const lang = deps.pages.lang(req);
  const t = deps.pages.t(lang);
  // One page view, one audited reading of the request's personal data.
  const d = await deps.requests.detail(tenant.id, ref, undefined, staffActor(adminOf(req).user, tenant.role, clientIp(req)));
  const replies = await deps.replies.list(tenant.id, ref);
  // A request the e-mail intake filed shows what was read in its message, to confirm.
  const proposal = await deps.intake.proposalFor(tenant.id, d.request.id);
  // The fulfilment's previews and results, kept with the request (issue 14 §3).
  const plans = deps.fulfilment && tenant.permissions.includes('requests:fulfil') ? planRows(await deps.fulfilment.plansOf(tenant.id, ref), tenant, d.request.reference, lang) : [];
  const team = await deps.assignment.team(tenant.id);
  const view = {
    ...requestDetailView(d, tenant, lang, todayIn(tenant.timeZone, deps.pages.now()), t, failed, replies, { team, userId: adminOf(req).user.id }),
    intake: proposal ? intakeProposalView(proposal, d.request, tenant, lang, t, failed) : null,
    fulfilmentPlans: plans,
    // The original as it arrived and the letters to send by post.
    channel: await deps.channel.view(tenant, d.request, lang, t, failed),
    subjectLink: await deps.channel.subjectLink(tenant, d.request, t, failed),
  };
  return deps.pages.render(req, res, 'requests/detail', { title: t('request.title', { reference: d.request.reference }), status, hasErrors: !!failed, flash }, view);
}
