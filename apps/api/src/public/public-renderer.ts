import { Injectable } from '@nestjs/common';
import path from 'node:path';
import { I18nRenderer } from '../web/i18n-renderer';
import { PublicI18n } from '../web/i18n';

/**
 * Renders the public pages: Handlebars views in `views/` (layout and other
 * partials in `views/partials/`) with the public UI strings, through the
 * shared renderer with the `t` helper.
 */
@Injectable()
export class PublicRenderer extends I18nRenderer {
  constructor() {
    super(path.join(__dirname, 'views'), new PublicI18n(path.join(__dirname, 'i18n')));
  }
}
