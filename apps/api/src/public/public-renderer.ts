import { Injectable } from '@nestjs/common';
import type { HelperOptions } from 'handlebars';
import path from 'node:path';
import { Lang } from '@regula/engine';
import { TemplateRenderer } from '@regula/platform';
import { PublicI18n } from './i18n';

/**
 * Renders the public pages: Handlebars views in `views/` (layout and other
 * partials in `views/partials/`) with the platform's TemplateRenderer. Every
 * value goes through double braces, so it is HTML-escaped. The `t` helper
 * reads the page language from the root of the model (`lang`):
 * `{{t "form.name"}}`, `{{t "home.dpoNone" name=site.displayName}}`.
 */
@Injectable()
export class PublicRenderer {
  readonly i18n = new PublicI18n();
  private readonly templates: TemplateRenderer;

  constructor() {
    const i18n = this.i18n;
    this.templates = new TemplateRenderer([path.join(__dirname, 'views')], {
      t(this: unknown, key: string, options: HelperOptions) {
        const root = options.data?.root as { lang?: Lang } | undefined;
        return i18n.t(root?.lang ?? 'en', key, options.hash as Record<string, unknown>);
      },
    });
  }

  render(view: string, model: { lang: Lang } & object): string {
    return this.templates.render(view, model);
  }

  /** A translator bound to one language. */
  translator(lang: Lang): (key: string, vars?: Record<string, unknown>) => string {
    return (key, vars) => this.i18n.t(lang, key, vars);
  }
}
