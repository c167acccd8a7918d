import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ADMIN_STYLESHEET } from './admin-assets';

/** The dashboard's stylesheet, served by the app itself (cached for a year: its URL carries the content hash). */
@ApiExcludeController()
@Controller('admin/assets')
export class AdminAssetsController {
  @Get('admin.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  stylesheet(): string {
    return ADMIN_STYLESHEET;
  }
}
