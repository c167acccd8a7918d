import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MAX_NOTE } from '@regula/requests';

export class AssignDto {
  @ApiProperty({ type: String, description: 'the member who handles the request (a compliance admin of the tenant), or null to release it', nullable: true, format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'assigneeId must be a member id (UUID) or null' })
  assigneeId: string | null;
}

export class NoteDto {
  @ApiProperty({ description: 'an internal note (staff only: never shown to the subject; included in their later access package)', minLength: 1, maxLength: MAX_NOTE, example: 'Called the requester to clarify the period.' })
  @IsString()
  @MinLength(1, { message: 'text is required' })
  @MaxLength(MAX_NOTE)
  text: string;
}
