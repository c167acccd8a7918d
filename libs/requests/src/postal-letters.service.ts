import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, Like } from 'typeorm';
import type { MailTemplate } from '@regula/mail';
import { CLOCK, Clock, ConflictError, NotFoundError, TenantDb } from '@regula/platform';
import { LETTER_PREFIX, RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { RequestActor, SYSTEM } from './request-actor';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { sha256Hex } from './request-secrets';
import { findByReference } from './request-store';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';

/** Artifact kinds of the letters: `letter-<template>-<n>` (one row per letter; the kinds stay unique per request). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A letter as the request page lists it (never its body). */
export interface PostalLetterMeta {
  id: string;
  /** The e-mail template it was written from ('identity-reminder', 'identity-not-confirmed'). */
  template: string;
  fileName: string;
  createdAt: Date;
  /** Null while it waits for the admin to send it; 'post' once recorded as sent. */
  delivery: 'post' | null;
}

export interface PostalLetterFile extends PostalLetterMeta {
  contentType: string;
  body: Buffer;
}

/**
 * Letters Regula writes but cannot send: a subject without an e-mail address
 * (a request recorded from a letter, a call, a visit) is answered by post.
 * What would have been e-mailed (the identity-wait reminders and the
 * "identity not confirmed" closing letter) is rendered from the same template
 * in the request's language as a printable HTML letter (letter head with the
 * subject's name and postal address) and kept with the request's artifacts;
 * the request page lists it as a task ("letter to send by post") until the
 * admin records it as sent, which is journaled (a reply sent by post, on the
 * timeline) and audited; the letter keeps delivery `post`.
 */
@Injectable()
export class PostalLettersService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Writes the letter in the caller's transaction (the sweep's), dated `at`. */
  async write(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, template: MailTemplate, extra: Record<string, unknown>, at: Date): Promise<RequestArtifactEntity> {
    const rendered = await this.notifier.renderLetter(em, facts, req, template, extra, at);
    const n = (await em.count(RequestArtifactEntity, { where: { tenantId: req.tenantId, requestId: req.id, kind: Like(`${LETTER_PREFIX}%`) } })) + 1;
    const body = Buffer.from(rendered.html, 'utf8');
    const row = await em.save(
      em.create(RequestArtifactEntity, {
        tenantId: req.tenantId, requestId: req.id, kind: `${LETTER_PREFIX}${template}-${n}`, contentType: 'text/html; charset=utf-8',
        fileName: `${req.reference}-${template}-${n}.html`, body, sizeBytes: body.length, sha256: sha256Hex(body), note: null, delivery: null,
      }),
    );
    // Dated by the CLOCK like the letter itself (the column's default is the database's time).
    await em.query(`UPDATE request_artifacts SET created_at = $1 WHERE id = $2`, [at, row.id]);
    row.createdAt = at;
    await this.journal.record(em, req, {
      kind: 'letter-written', actor: SYSTEM, visibleToSubject: false, at,
      note: 'Letter to send by post', data: { key: 'letter-written', artifactId: row.id, template },
      action: 'request.letter-written', details: { artifactId: row.id, template, sha256: row.sha256 },
    });
    return row;
  }

  /** The request's letters, oldest first. */
  list(tenantId: string, requestId: string): Promise<PostalLetterMeta[]> {
    return this.db.forTenant(tenantId, async (em) =>
      (await em.find(RequestArtifactEntity, { where: { tenantId, requestId, kind: Like(`${LETTER_PREFIX}%`) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(metaOf),
    );
  }

  /** The printable letter; 404 for another tenant's reference or another request's letter. */
  read(tenantId: string, reference: string, id: string): Promise<PostalLetterFile> {
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference);
      const a = await letterOf(em, req, id, true);
      return { ...metaOf(a), contentType: a.contentType, body: a.body };
    });
  }

  /** The admin posted it: 409 when already recorded as sent. */
  markSent(tenantId: string, reference: string, id: string, actor: RequestActor): Promise<PostalLetterMeta> {
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference, { lock: true });
      const a = await letterOf(em, req, id, false);
      if (a.delivery) throw new ConflictError('this letter is already recorded as sent');
      a.delivery = 'post';
      await em.update(RequestArtifactEntity, { id: a.id }, { delivery: 'post' });
      const meta = metaOf(a);
      await this.journal.record(em, req, {
        kind: 'letter-sent', actor, visibleToSubject: true, at: this.clock(), note: meta.fileName,
        data: { key: 'letter-sent', artifactId: a.id, fileName: a.fileName, delivery: 'post' },
        action: 'request.letter-sent', details: { artifactId: a.id, template: meta.template, sha256: a.sha256, delivery: 'post' },
      });
      return meta;
    });
  }
}

async function letterOf(em: EntityManager, req: RightsRequestEntity, id: string, withBody: boolean): Promise<RequestArtifactEntity> {
  const qb = em.createQueryBuilder(RequestArtifactEntity, 'a').where('a.tenant_id = :t AND a.request_id = :r AND a.kind LIKE :k AND a.id = :id', { t: req.tenantId, r: req.id, k: `${LETTER_PREFIX}%`, id: UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000' });
  if (withBody) qb.addSelect('a.body');
  const a = await qb.getOne();
  if (!a) throw new NotFoundError(`no letter ${id} for request ${req.reference}`);
  return a;
}

function metaOf(a: RequestArtifactEntity): PostalLetterMeta {
  const template = a.kind.slice(LETTER_PREFIX.length).replace(/-\d+$/, '');
  return { id: a.id, template, fileName: a.fileName, createdAt: a.createdAt, delivery: a.delivery === 'post' ? 'post' : null };
}
