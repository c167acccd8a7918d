import { Controller, Get, Header, NotFoundException, Param, UseGuards } from '@nestjs/common';
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
  constructor(private readonly tenants: TenantsService) {}

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
}
