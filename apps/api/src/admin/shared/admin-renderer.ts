import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PartialFolder } from '@regula/platform';
import { I18nRenderer } from '../../web/i18n-renderer';
import { PublicI18n } from '../../web/i18n';

/** The dashboard's folder: one subfolder per page, templates beside the controller. */
const ADMIN_DIR = path.join(__dirname, '..');
/** The dashboard's UI strings, one JSON catalogue per language. */
const ADMIN_I18N_DIR = path.join(ADMIN_DIR, 'i18n');

let catalogue: PublicI18n | undefined;
/** The dashboard's catalogues, read once for the process: its pages and the requests export (its headings) share them. */
export function adminCatalogue(): PublicI18n {
  return (catalogue ??= new PublicI18n(ADMIN_I18N_DIR));
}

/**
 * Each page folder's `partials/` (named `<page>/<name>`); `shared/partials/`
 * holds the ones every page uses, named without prefix (`layout`).
 */
function adminPartialFolders(): PartialFolder[] {
  return readdirSync(ADMIN_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(ADMIN_DIR, e.name, 'partials')))
    .map((e) => ({ dir: path.join(ADMIN_DIR, e.name, 'partials'), prefix: e.name === 'shared' ? '' : `${e.name}/` }));
}

/**
 * The dashboard's Handlebars views, named by their path in `admin/` without
 * `.hbs` (`registers/list` is `admin/registers/list.hbs`, beside its
 * controller; `shared/error`), partials as above, and UI strings
 * (`admin/i18n/<lang>.json`, English fallback). Values are HTML-escaped
 * (double braces). `{{t "key" name=x}}` reads the page language from the
 * model's root `lang`.
 */
export class AdminRenderer extends I18nRenderer {
  constructor() {
    super(ADMIN_DIR, adminCatalogue(), adminPartialFolders());
  }
}
