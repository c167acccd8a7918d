import { Injectable } from '@nestjs/common';
import { Lang } from '@regula/engine';
import { PostalLettersService, RequestOriginalService } from '@regula/requests';
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
  constructor(private readonly originals: RequestOriginalService, private readonly letters: PostalLettersService) {}

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
}
