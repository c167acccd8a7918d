import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A folder of partials named `<prefix><relative path without .hbs>` (a feature folder's own `partials/`). */
export interface PartialFolder {
  dir: string;
  prefix: string;
}

/**
 * Handlebars templates (pages, e-mails, policies) from folders on disk. Each
 * renderer has its own Handlebars environment: partials are the `.hbs` files
 * of the roots' `partials/` folders, named by their relative path without
 * extension, plus those of any further `partialFolders` (with their prefix).
 * Output is HTML-escaped unless a template uses triple braces on purpose.
 * Compiled templates and partials are cached.
 */
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  /** `roots`: folders searched in order (the first that has a template wins: tenant overrides first). */
  constructor(private readonly roots: string[], helpers: Record<string, Handlebars.HelperDelegate> = {}, partialFolders: PartialFolder[] = []) {
    for (const [name, fn] of Object.entries(helpers)) this.hbs.registerHelper(name, fn);
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.hbs.registerHelper('json', (v: unknown) => JSON.stringify(v));
    for (const root of [...roots].reverse()) this.registerPartials(path.join(root, 'partials'), '');
    for (const folder of partialFolders) this.registerPartials(folder.dir, folder.prefix);
  }

  private registerPartials(dir: string, prefix: string): void {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) this.registerPartials(full, `${prefix}${entry}/`);
      // Compiled once here: a partial registered as source is compiled again on every render that uses it
      // (Handlebars caches it only for that render), which made each e-mail cost tens of milliseconds of CPU.
      else if (entry.endsWith('.hbs')) this.hbs.registerPartial(`${prefix}${entry.slice(0, -4)}`, this.hbs.compile(readFileSync(full, 'utf8'), { strict: false }));
    }
  }

  has(name: string): boolean {
    return this.roots.some((r) => existsSync(path.join(r, `${name}.hbs`)));
  }

  /** Renders `<root>/<name>.hbs` with `data`. */
  render(name: string, data: object): string {
    let tpl = this.cache.get(name);
    if (!tpl) {
      const file = this.roots.map((r) => path.join(r, `${name}.hbs`)).find((f) => existsSync(f));
      if (!file) throw new Error(`no template ${name} in ${this.roots.length} template folder(s)`);
      tpl = this.hbs.compile(readFileSync(file, 'utf8'), { strict: false });
      this.cache.set(name, tpl);
    }
    return tpl(data);
  }
}
