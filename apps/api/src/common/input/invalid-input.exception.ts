import { BadRequestException } from '@nestjs/common';

/**
 * Text no column can hold (a NUL or a lone surrogate): a 400 naming the field,
 * in the shape of the ValidationPipe's answers (`{ statusCode: 400, message:
 * [...], error: 'Bad Request' }`); pages say it in their own language (the
 * admin and public exception filters know this class).
 */
export class InvalidInput extends BadRequestException {
  constructor(readonly field: string, message: string) {
    super([message]);
  }
}
