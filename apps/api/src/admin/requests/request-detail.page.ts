import { Injectable, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { FulfilmentService, MailIntakeService, RequestAssignmentService, RequestRepliesService, RequestsService, staffActor, type RequestActor } from '@regula/requests';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { intakeProposalView } from './intake-proposal.view';
import { RequestChannelPanel } from './request-channel.panel';
import { FormState, requestDetailView } from './request-detail.view';
import { planRows } from './fulfilment-preview.view';
import { todayIn } from './request-urgency';

const REFERENCE = /^[Rr]-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}$/;

/** A request reference from the URL, upper-cased; 404 when it cannot be one. */
export function checkedReference(reference: string): string {
  if (!REFERENCE.test(reference)) throw new NotFoundException();
  return reference.toUpperCase();
}

/** The signed-in member acting on a request of the checked tenant (timeline and audit log). */
export function memberActor(req: AdminHttpRequest): RequestActor {
  return staffActor(adminOf(req).user, tenantOf(req).role, clientIp(req));
}

/**
 * The request's page, for every controller that acts on a request: after a GET,
 * or again with a refused form's error, its status and what was typed.
 */
@Injectable()
export class RequestDetailPage {
  constructor(
    readonly pages: AdminPages,
    readonly requests: RequestsService,
    readonly replies: RequestRepliesService,
    readonly intake: MailIntakeService,
    readonly assignment: RequestAssignmentService,
    readonly channel: RequestChannelPanel,
    readonly fulfilment: FulfilmentService,
  ) {}

  render(req: AdminHttpRequest, res: Response, ref: string, status: number, failed?: FormState, flash?: string): Promise<string> {
    return renderRequestDetail(this, req, res, ref, status, failed, flash);
  }

  /** A form the service refused with one of `statuses`: the page again with the error at the form (`action`); anything else is thrown on. */
  refused(req: AdminHttpRequest, res: Response, ref: string, e: unknown, form: { action: string; values: Record<string, unknown> }, statuses = [400, 409]): Promise<string> {
    const status = statusOf(e);
    if (status === undefined || !statuses.includes(status)) throw e;
    const t = this.pages.t(this.pages.lang(req));
    const error = t(status === 409 ? 'errors.conflict' : 'errors.invalid', { detail: messageOf(e) });
    return this.render(req, res, ref, status, { ...form, error });
  }
}

async function renderRequestDetail(
  deps: { pages: AdminPages; requests: RequestsService; replies: RequestRepliesService; intake: MailIntakeService; assignment: RequestAssignmentService; channel: RequestChannelPanel; fulfilment: FulfilmentService },
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
  // An access package being built from one of them shows its progress there.
  const plans = tenant.permissions.includes('requests:fulfil')
    ? planRows(await deps.fulfilment.plansOf(tenant.id, ref), tenant, d.request.reference, lang, t, (await deps.fulfilment.buildOf(tenant.id, ref)).build)
    : [];
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
