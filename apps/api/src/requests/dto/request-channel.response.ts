import { ApiProperty } from '@nestjs/swagger';
import { RequestView } from './request-view.response';

/** The data subject a request is linked to. */
export class RequestLinkedSubject {
  @ApiProperty({ format: 'uuid', example: '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mari Tamm' })
  displayName: string | null;

  @ApiProperty({ type: [String], description: 'The kinds of identifier the subject is known by (values not shown)', example: ['email', 'phone'] })
  identifierKinds: string[];
}

/** A letter Regula wrote for a subject without e-mail. */
export class RequestPostalLetter {
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f' })
  id: string;

  @ApiProperty({ description: "The e-mail template it was written from ('identity-reminder', 'identity-not-confirmed')", example: 'identity-reminder' })
  template: string;

  @ApiProperty({ example: 'letter-identity-reminder.pdf' })
  fileName: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-27T07:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ type: String, enum: ['post', null], nullable: true, description: "Null while it waits to be sent; 'post' once recorded as sent", example: 'post' })
  delivery: string | null;
}

/**
 * The request after its requester was corrected. Saving the row gives the two
 * hash columns that are never read (`select: false`) as null in this answer;
 * declared so that the answer is described whole. They never hold a hash here.
 */
export class RequestRequesterCorrected extends RequestView {
  @ApiProperty({ type: String, nullable: true, required: false, enum: [null], description: 'Always null when present (the hash is never read)', example: null })
  verificationHash?: null;

  @ApiProperty({ type: String, nullable: true, required: false, enum: [null], description: 'Always null when present (the hash is never read)', example: null })
  downloadCodeHash?: null;
}
