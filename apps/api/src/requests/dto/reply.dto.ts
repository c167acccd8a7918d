import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_REPLY_NOTE, REPLY_DELIVERIES, ReplyDelivery } from '@regula/requests';

/** The text fields of a reply upload (multipart); the file is the `file` part. */
export class ReplyDto {
  @ApiPropertyOptional({ description: 'a note for the subject, shown with the download and in the e-mail', maxLength: MAX_REPLY_NOTE, example: 'The signed decision.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REPLY_NOTE)
  note?: string;

  @ApiPropertyOptional({ description: "how it reached the subject: 'e-mail' (Regula e-mails it; the default where there is an address), or recorded as sent by 'post' or handed over 'in-person' (no e-mail)", enum: REPLY_DELIVERIES, example: 'e-mail' })
  @IsOptional()
  @IsIn(REPLY_DELIVERIES, { message: `delivery must be one of: ${REPLY_DELIVERIES.join(', ')}` })
  delivery?: ReplyDelivery;
}

/** The OpenAPI body of the upload. */
export const REPLY_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG or an ASiC-E container (.asice/.bdoc/.edoc), judged by content; at most 10 MB' },
    note: { type: 'string', maxLength: MAX_REPLY_NOTE, description: 'a note for the subject', example: 'The signed decision.' },
    delivery: { type: 'string', enum: [...REPLY_DELIVERIES], description: 'e-mail (default where there is an address), post or in-person', example: 'e-mail' },
  },
};
