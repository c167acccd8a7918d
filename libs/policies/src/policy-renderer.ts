import { LText, Lang, PolicyModel, codeWord } from '@regula/engine';
import Handlebars from 'handlebars';
import { TemplateRenderer } from '@regula/platform';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the folder holding `libs/` and `tenants/`). */
const DEFAULT_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface RenderedPolicy {
  html: string;
  text: string;
}

export interface PolicyRendererOptions {
  /** Folder that holds `libs/policies/templates` and `tenants/`; defaults to the repository root. */
  rootDir?: string;
}

/**
 * Renders a policy model with the Handlebars templates of its language:
 * `libs/policies/templates/<lang>/policy.hbs` and one partial per section,
 * `partials/sections/<id>.hbs`. A tenant may override a section's wording in
 * `tenants/<slug>/policy/<lang>/partials/sections/<id>.hbs`; the data always
 * comes from the model. `{{code "group" value}}` writes a code of the
 * register schema in the policy's language, from the engine's one catalogue
 * (`codeWord`); a code it has no words for is written as itself.
 */
export class PolicyRenderer {
  private readonly rootDir: string;
  private readonly renderers = new Map<string, TemplateRenderer>();

  constructor(options: PolicyRendererOptions = {}) {
    this.rootDir = options.rootDir ?? DEFAULT_ROOT;
  }

  /** Languages that have templates. */
  hasLanguage(lang: Lang): boolean {
    return existsSync(path.join(this.templatesDir(lang), 'policy.hbs'));
  }

  render(model: PolicyModel): RenderedPolicy {
    if (!this.hasLanguage(model.lang)) throw new Error(`no policy templates for language ${model.lang}`);
    const html = this.renderer(model.slug, model.lang).render('policy', model);
    return { html, text: htmlToText(html) };
  }

  private templatesDir(lang: Lang): string {
    return path.join(this.rootDir, 'libs', 'policies', 'templates', lang);
  }

  private renderer(slug: string, lang: Lang): TemplateRenderer {
    const key = `${slug}/${lang}`;
    let renderer = this.renderers.get(key);
    if (!renderer) {
      const override = path.join(this.rootDir, 'tenants', slug, 'policy', lang);
      renderer = new TemplateRenderer([override, this.templatesDir(lang)], { t: localisedText, code: codeHelper(lang) });
      this.renderers.set(key, renderer);
    }
    return renderer;
  }
}

/**
 * `{{t x}}`: a model text, escaped; a text that fell back to English is marked
 * as such (`lang="en"`), so the page says which words are not translated.
 */
function localisedText(value: unknown): Handlebars.SafeString {
  if (!value || typeof value !== 'object' || typeof (value as LText).text !== 'string') return new Handlebars.SafeString('');
  const { text, fallback } = value as LText;
  const escaped = Handlebars.escapeExpression(text);
  return new Handlebars.SafeString(fallback ? `<span lang="en" class="untranslated">${escaped}</span>` : escaped);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&#x60;': '`', '&#x3D;': '=', '&nbsp;': ' ' };

/** Plain text of rendered HTML: tags stripped, entities decoded, blank lines collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(td|th)>\s*/g, ' | ')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<li>/g, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|nbsp|#x27|#39|#x60|#x3D);/g, (m) => ENTITIES[m] ?? m)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';
}

/** The `code` helper of one language: `{{code "recipientKind" kind}}` -> "independent controller" (escaped like any value). */
function codeHelper(lang: Lang) {
  return (group: unknown, value: unknown): string => {
    const code = typeof value === 'string' ? value : '';
    return (typeof group === 'string' ? codeWord(group, code, lang) : undefined) ?? code;
  };
}
