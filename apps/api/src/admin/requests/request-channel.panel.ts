import { Injectable } from '@nestjs/common';
import { Lang } from '@regula/engine';
import { IDENTIFIER_KINDS } from '@regula/subjects';
import { FINAL_STATES, PostalLettersService, RequestOriginalService, SubjectLinkService, type RequestState } from '@regula/requests';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import type { FormState } from './request-detail.view';

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The request page's channel panel: the original as it reached the controller
 * (the intake's .eml, a recorded request's .eml or scan), downloadable by the
 * tenant's compliance admins like an identity document, and the letters
 * Regula wrote for a subject without an e-mail address, each a task "send by
 * post" until an admin records it as sent.
 */
@Injectable()
export class RequestChannelPanel {
  constructor(private readonly originals: RequestOriginalService, private readonly letters: PostalLettersService, private readonly subjects: SubjectLinkService) {}

  async view(tenant: AdminTenant, r: { id: string; reference: string }, lang: Lang, t: T, failed?: FormState) {
    const can = (p: string) => (tenant.permissions as string[]).includes(p);
    const base = `/admin/t/${tenant.slug}/requests/${r.reference}`;
    const original = await this.originals.describe(tenant.id, r.id);
    const letters = can('requests:write') ? await this.letters.list(tenant.id, r.id) : [];
    if (!original && !letters.length) return null;
    const when = (at: Date) => formatInstant(at, lang, tenant.timeZone);
    return {
      original: original
        ? {
            label: t(`channel.original.${original.source}`),
            file: `${original.fileName} (${original.contentType}, ${Math.max(1, Math.round(original.sizeBytes / 1024))} kB)`,
            // Who may open identity documents may open the original: the subject's own words, a personal-data read.
            href: tenant.role === 'compliance-admin' && can('evidence:read') ? `${base}/original` : undefined,
          }
        : null,
      letters: letters.map((l) => ({
        id: l.id,
        errorId: `a-letter-${l.id}`,
        title: t(`channel.letter.${l.template}`),
        written: when(l.createdAt),
        href: `${base}/letters/${l.id}`,
        sent: l.delivery === 'post',
        action: `${base}/letters/${l.id}/sent`,
        error: failed?.action === `letter-${l.id}` ? failed.error : undefined,
      })),
      toSend: letters.some((l) => !l.delivery),
    };
  }

  /**
   * "The subject's records": which data subject fulfilment acts on, and, for a
   * request Regula could not match by e-mail (no address, or none held), the
   * form that links it by another identifier the stores hold.
   */
  async subjectLink(tenant: AdminTenant, r: { reference: string; state: RequestState; subjectId: string | null; requesterEmail: string | null }, t: T, failed?: FormState) {
    const linked = await this.subjects.linked(tenant.id, r.subjectId);
    const canLink = (tenant.permissions as string[]).includes('requests:write') && !FINAL_STATES.includes(r.state);
    if (!linked && !canLink) return null;
    if (linked && r.requesterEmail && !canLink) return { linked: this.linkedView(linked, t), form: null };
    const mine = failed?.action === 'subject-link';
    const typedKind = mine && typeof failed.values.kind === 'string' ? failed.values.kind : 'phone';
    return {
      linked: linked ? this.linkedView(linked, t) : null,
      form: canLink
        ? {
            action: `/admin/t/${tenant.slug}/requests/${r.reference}/subject`,
            error: mine ? failed.error : undefined,
            kinds: IDENTIFIER_KINDS.map((value) => ({ value, label: t(`subjectLink.kinds.${value}`), selected: value === typedKind })),
            value: mine && typeof failed.values.value === 'string' ? failed.values.value : '',
          }
        : null,
    };
  }

  private linkedView(l: { displayName: string | null; identifierKinds: string[] }, t: T) {
    return { name: l.displayName ?? t('subjectLink.unnamed'), kinds: l.identifierKinds.map((k) => t(`subjectLink.kinds.${k}`)).join(', ') };
  }
}
