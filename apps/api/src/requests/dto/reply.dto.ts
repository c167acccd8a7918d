import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_REPLY_NOTE } from '@regula/requests';

/** The text fields of a reply upload (multipart); the file is the `file` part. */
export class ReplyDto {
  @ApiPropertyOptional({ description: 'a note for the subject, shown with the download and in the e-mail', maxLength: MAX_REPLY_NOTE })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REPLY_NOTE)
  note?: string;
}

/** The OpenAPI body of the upload. */
export const REPLY_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG or an ASiC-E container (.asice/.bdoc/.edoc), judged by content; at most 10 MB' },
    note: { type: 'string', maxLength: MAX_REPLY_NOTE, description: 'a note for the subject' },
  },
};
