import { ApiProperty } from '@nestjs/swagger';
import { REPLY_DELIVERIES } from '@regula/requests';
import { RequestIdentityDocument, RequestView } from './request-view.response';

/** The requests recorded from one arrival: one per type. */
export class RequestRecordedResponse {
  @ApiProperty({ type: () => [RequestView], description: 'One request per type, in the order given (none carries a status link)' })
  requests: RequestView[];

  @ApiProperty({ description: 'Recorded on a later local day than it was received (audited so)', example: false })
  recordedLate: boolean;
}

/** Identity confirmed: the request runs again. */
export class RequestIdentityConfirmedResponse {
  @ApiProperty({ type: () => RequestView })
  request: RequestView;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The data subject matched by the requester's e-mail address, if any", example: null })
  subjectId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The identity documents accepted', example: [] })
  acceptedEvidence: string[];
}

/** An identity document as stored (the answer to a rejection lists every document of the request). */
export class RequestIdentityDocumentStored extends RequestIdentityDocument {
  @ApiProperty({ description: "The file's name in the private upload store", example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f7a' })
  storageKey: string;
}

/** A message written to the subject. */
export class RequestMessageCreated {
  @ApiProperty({ format: 'uuid', example: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-21T09:30:00.000Z' })
  at: Date;
}

/** A reply document the staff uploaded for the subject. */
export class RequestReplyDocument {
  @ApiProperty({ format: 'uuid', example: '3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e' })
  id: string;

  @ApiProperty({ example: 'decision.pdf' })
  fileName: string;

  @ApiProperty({ description: 'Detected from the content', example: 'application/pdf' })
  contentType: string;

  @ApiProperty({ example: 20480 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256: string;

  @ApiProperty({ type: String, nullable: true, description: 'The note for the subject', example: 'The signed decision.' })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-22T10:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ enum: REPLY_DELIVERIES, example: 'e-mail' })
  delivery: string;

  @ApiProperty({ description: "The subject's download (the status page adds `?token=`); staff download it at …/artifacts/{id}", example: '/t/medical-management/requests/R-7KQ2-XM4P/artifacts/3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e' })
  path: string;
}
