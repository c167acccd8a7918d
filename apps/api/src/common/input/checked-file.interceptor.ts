import { CallHandler, ExecutionContext, mixin, NestInterceptor, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import { throwError } from 'rxjs';
import { findBadText } from './bad-text';
import { invalidInputOf } from './input-hygiene.guard';

/**
 * FileInterceptor whose multipart text fields pass the input-hygiene check:
 * multer parses a multipart body only after the guards, so InputHygieneGuard
 * never sees these fields (a note, a token); the 400 names them as it does.
 */
export function CheckedFileInterceptor(fieldName: string, options: MulterOptions): Type<NestInterceptor> {
  const Multipart = FileInterceptor(fieldName, options);
  class Checked extends Multipart {
    override async intercept(context: ExecutionContext, next: CallHandler) {
      const req = context.switchToHttp().getRequest<Request>();
      return super.intercept(context, {
        handle: () => {
          const bad = findBadText(req.body, 'body');
          return bad ? throwError(() => invalidInputOf(bad)) : next.handle();
        },
      });
    }
  }
  return mixin(Checked);
}
