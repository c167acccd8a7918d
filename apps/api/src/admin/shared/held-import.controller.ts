import { Body, Get, NotFoundException, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import type { Lang } from '@regula/engine';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminUploadRequest } from '../requests/reply-upload.guard';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminPages } from './admin-pages.service';
import { AdminHttpRequest, tenantOf } from './admin-request';
import { AdminTenantGuard } from './admin-tenant.guard';
import { AdminHeldImportUploadGuard } from './held-import-upload.guard';
import { fileRefusal, HELD_SHA256, importActor, uploadRefusal } from './held-import';

/** What an import's preview must say for the flow: the file's key, and whether it has errors. */
export interface HeldPreview {
  sha256: string;
  errors: unknown[];
}

/** An import's service as the flow calls it: preview (the file held by its SHA-256), the held preview again, apply. */
export interface HeldImports<P extends HeldPreview, D> {
  preview(tenantId: string, file: { name: string; body: Buffer }, lang: Lang, actor: ReturnType<typeof importActor>): Promise<P>;
  previewHeld(tenantId: string, sha256: string, lang: Lang): Promise<P>;
  apply(tenantId: string, sha256: string, planHash: string, lang: Lang, actor: ReturnType<typeof importActor>): Promise<D>;
}

/**
 * The dashboard's spreadsheet imports (the record's, past requests'): the
 * upload form, the preview (the file held by its SHA-256, or its errors on
 * the upload page), then the confirmation, which applies exactly what was
 * previewed (the plan's hash) or, when something changed since, shows the
 * preview again with 409. A subclass gives its route (`@Controller`), its
 * permission and its pages; the routes are these.
 */
export abstract class HeldImportController<P extends HeldPreview, D> {
  /** The route's last segment, as in `/admin/t/:slug/<segment>`. */
  protected abstract readonly segment: string;
  /** The held file's name when the upload has none. */
  protected abstract readonly defaultFileName: string;

  constructor(protected readonly pages: AdminPages, private readonly imports: HeldImports<P, D>) {}

  /** The upload page: empty, refused (`error`) or with the file's errors (`preview`). */
  protected abstract upload(req: AdminHttpRequest, res: Response, status: number, error?: string, preview?: P): unknown;
  protected abstract renderPreview(req: AdminHttpRequest, res: Response, lang: Lang, preview: P, status?: number, error?: string): unknown;
  protected abstract renderDone(req: AdminHttpRequest, res: Response, lang: Lang, done: D, sha256: string): unknown;

  protected base(req: AdminHttpRequest): string {
    return `/admin/t/${tenantOf(req).slug}/${this.segment}`;
  }

  @Get()
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  form(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    return this.upload(req, res, 200);
  }

  @Post()
  @UseGuards(AdminHeldImportUploadGuard)
  async preview(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response) {
    const lang = this.pages.lang(req);
    const refused = uploadRefusal(req, lang, this.pages.t(lang));
    if (refused) return this.upload(req, res, refused.status, refused.message);
    let preview: P;
    try {
      preview = await this.imports.preview(tenantOf(req).id, { name: req.file!.originalname.slice(0, 255) || this.defaultFileName, body: req.file!.buffer }, lang, importActor(req));
    } catch (e) {
      const bad = fileRefusal(e);
      return this.upload(req, res, bad.status, bad.message);
    }
    if (preview.errors.length) return this.upload(req, res, 422, undefined, preview);
    res.redirect(303, `${this.base(req)}/${preview.sha256}`);
    return undefined;
  }

  @Get(':sha256')
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  async held(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('sha256') sha256: string) {
    if (!HELD_SHA256.test(sha256)) throw new NotFoundException('no such import');
    const lang = this.pages.lang(req);
    const preview = await this.imports.previewHeld(tenantOf(req).id, sha256, lang);
    if (preview.errors.length) return this.upload(req, res, 422, undefined, preview);
    return this.renderPreview(req, res, lang, preview);
  }

  @Post(':sha256/apply')
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  async apply(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('sha256') sha256: string, @Body() body: Record<string, unknown>) {
    if (!HELD_SHA256.test(sha256)) throw new NotFoundException('no such import');
    const lang = this.pages.lang(req);
    const planHash = typeof body.planHash === 'string' ? body.planHash : '';
    try {
      const done = await this.imports.apply(tenantOf(req).id, sha256, planHash, lang, importActor(req));
      return this.renderDone(req, res, lang, done, sha256);
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      const preview = await this.imports.previewHeld(tenantOf(req).id, sha256, lang);
      return this.renderPreview(req, res, lang, preview, 409, this.pages.t(lang)('recordImport.stale', { detail: messageOf(e) }));
    }
  }
}
