import { Controller, Get, Header, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ControllerFacts } from '@regula/onboarding';
import { ApiExcludeController } from '@nestjs/swagger';
import { TenantsService } from '@regula/tenancy';
import { STYLESHEET } from '../web/public-assets';
import { FAVICON_SVG } from '../web/favicon';
import { brandStylesheet } from '../web/brand-colours';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

const YEAR = 'public, max-age=31536000, immutable';

/** The pages' stylesheet and each tenant's colours, served by the app itself with long cache lifetimes. */
@ApiExcludeController()
@Controller()
@UseGuards(PublicRateLimitGuard)
export class PublicAssetsController {
  constructor(private readonly tenants: TenantsService, private readonly facts: ControllerFacts) {}

  @Get('assets/regula.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', YEAR)
  stylesheet(): string {
    return STYLESHEET;
  }

  /** The icon every layout links, and the one browsers ask for by themselves (same SVG: no 404 in any log). */
  @Get(['favicon.svg', 'favicon.ico'])
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', 'public, max-age=86400')
  favicon(): string {
    return FAVICON_SVG;
  }

  /** Versioned by the definition hash in the page's link (`?v=`), so it may be cached for a year too. */
  @Get('t/:tenant/brand.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', YEAR)
  async brand(@Param('tenant') slug: string): Promise<string> {
    const row = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await this.tenants.findBySlug(slug) : null;
    if (!row) throw new NotFoundException();
    return brandStylesheet((row.definition as { branding?: { primaryColor?: string; accentColor?: string } }).branding);
  }

  /**
   * The controller's logo (checked by content when it was stored: PNG, JPEG,
   * WebP or a sanitised SVG). Linked with its hash (`?v=`), so cached for a
   * year; an SVG opened by itself runs nothing (its CSP and sandbox).
   */
  @Get('t/:tenant/logo')
  async logo(@Param('tenant') slug: string, @Res() res: Response): Promise<void> {
    const row = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await this.tenants.findBySlug(slug) : null;
    const logo = row ? await this.facts.logo(row.id) : null;
    if (!logo) throw new NotFoundException();
    res.set({ 'Content-Type': logo.type, 'Cache-Control': YEAR, 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" });
    res.send(logo.bytes);
  }
}
