import type { HelperOptions } from 'handlebars';
import { Lang } from '@regula/engine';
import { PartialFolder, TemplateRenderer } from '@regula/platform';
import { PublicI18n } from './i18n';

/**
 * Handlebars views of one folder (partials in its `partials/` and in any
 * further `partialFolders`) with a UI
 * string catalogue: the `t` helper reads the page language from the model's
 * root `lang` (`{{t "form.name"}}`, `{{t "home.dpoNone" name=site.displayName}}`).
 * Values go through double braces, so they are HTML-escaped.
 */
export class I18nRenderer {
  private readonly templates: TemplateRenderer;

  constructor(viewsDir: string, readonly i18n: PublicI18n, partialFolders: PartialFolder[] = []) {
    this.templates = new TemplateRenderer(
      [viewsDir],
      {
        t(this: unknown, key: string, options: HelperOptions) {
          const root = options.data?.root as { lang?: Lang } | undefined;
          return i18n.t(root?.lang ?? 'en', key, options.hash as Record<string, unknown>);
        },
      },
      partialFolders,
    );
  }

  render(view: string, model: { lang: Lang } & object): string {
    return this.templates.render(view, model);
  }

  /** A translator bound to one language. */
  translator(lang: Lang): (key: string, vars?: Record<string, unknown>) => string {
    return (key, vars) => this.i18n.t(lang, key, vars);
  }
}
