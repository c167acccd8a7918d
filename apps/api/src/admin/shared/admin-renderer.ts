import type { HelperOptions } from 'handlebars';
import path from 'node:path';
import { Lang } from '@regula/engine';
import { TemplateRenderer } from '@regula/platform';
import { PublicI18n } from '../../public/i18n';

/**
 * The dashboard's Handlebars views (`admin/views`, partials in
 * `views/partials`) and UI strings (`admin/i18n/<lang>.json`, English
 * fallback). Values are HTML-escaped (double braces). `{{t "key" name=x}}`
 * reads the page language from the model's root `lang`.
 */
export class AdminRenderer {
  readonly i18n = new PublicI18n(path.join(__dirname, '..', 'i18n'));
  private readonly templates: TemplateRenderer;

  constructor() {
    const i18n = this.i18n;
    this.templates = new TemplateRenderer([path.join(__dirname, '..', 'views')], {
      t(this: unknown, key: string, options: HelperOptions) {
        const root = options.data?.root as { lang?: Lang } | undefined;
        return i18n.t(root?.lang ?? 'en', key, options.hash as Record<string, unknown>);
      },
    });
  }

  render(view: string, model: { lang: Lang } & object): string {
    return this.templates.render(view, model);
  }

  translator(lang: Lang): (key: string, vars?: Record<string, unknown>) => string {
    return (key, vars) => this.i18n.t(lang, key, vars);
  }
}
