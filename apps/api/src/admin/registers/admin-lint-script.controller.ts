import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ADMIN_LINT_SCRIPT } from './admin-lint.script';

/** The register edit page's optional script (cached for a year: its URL carries the content hash). */
@ApiExcludeController()
@Controller('admin/assets')
export class AdminLintScriptController {
  @Get('admin-lint.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  script(): string {
    return ADMIN_LINT_SCRIPT;
  }
}
