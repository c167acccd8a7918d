import { BadRequestException } from '@nestjs/common';

/**
 * A 400 naming the field, in the shape of the ValidationPipe's answers
 * (`{ statusCode: 400, message: [...], error: 'Bad Request' }`); pages show
 * `field` in their own language (the filters know this class).
 */
export class InvalidInput extends BadRequestException {
  /** `text`: a NUL or a lone surrogate (pages say so in their language); `number`: an integer out of range. */
  constructor(readonly field: string, message: string, readonly kind: 'text' | 'number') {
    super([message]);
  }
}
