import path from 'node:path';
import { I18nRenderer } from '../../web/i18n-renderer';
import { PublicI18n } from '../../web/i18n';

/**
 * The dashboard's Handlebars views (`admin/views`, partials in
 * `views/partials`) and UI strings (`admin/i18n/<lang>.json`, English
 * fallback). Values are HTML-escaped (double braces). `{{t "key" name=x}}`
 * reads the page language from the model's root `lang`.
 */
export class AdminRenderer extends I18nRenderer {
  constructor() {
    super(path.join(__dirname, '..', 'views'), new PublicI18n(path.join(__dirname, '..', 'i18n')));
  }
}
