import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REFUSAL_GROUNDS, RefusalGround } from '@regula/requests';
import { datedProperty } from '../../common/openapi';

export class ConfirmIdentityDto {
  @ApiPropertyOptional({ description: 'how identity was established when no uploaded document is reviewed (e.g. a signed letter received by post)', maxLength: 2000, example: 'Signed letter received by post; signature matches the one on file.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  // Yesterday, counted from when the document is served (a fixed date goes stale).
  @ApiPropertyOptional(
    datedProperty(-1, {
      description: 'when identity information that came outside Regula (a letter, an e-mail) reached the controller: ISO 8601 with an offset (or a local date and time of the controller); default now; never in the future nor before identity was asked for. The time limit runs again from then.',
    }),
  )
  @IsOptional()
  @IsString({ message: 'arrivedAt must be a date and time (ISO 8601)' })
  @MaxLength(40, { message: 'arrivedAt must be a date and time (ISO 8601)' })
  arrivedAt?: string;
}

export class RejectEvidenceDto {
  @ApiProperty({ description: 'why the document is not accepted (the subject reads it)', minLength: 5, maxLength: 2000, example: 'The scan is unreadable; please send a clearer copy.' })
  @IsString()
  @MinLength(5, { message: 'reason must say why, in at least 5 characters' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'one document; default: every document waiting for review', format: 'uuid', example: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f7a' })
  @IsOptional()
  @IsUUID('all', { message: 'evidenceId must be a document id (UUID)' })
  evidenceId?: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'the reasons (the subject reads them)', minLength: 5, maxLength: 5000, example: 'The records are spread over several archived systems.' })
  @IsString()
  @MinLength(5, { message: 'reason must say why, in at least 5 characters' })
  @MaxLength(5000)
  reason: string;
}

export class RefuseDto extends ReasonDto {
  @ApiProperty({ enum: REFUSAL_GROUNDS, example: 'excessive' })
  @IsIn(REFUSAL_GROUNDS, { message: `ground must be one of: ${REFUSAL_GROUNDS.join(', ')}` })
  ground: RefusalGround;
}

export class FeeDto extends ReasonDto {
  @ApiProperty({ description: 'euros, at most two decimals', example: 25 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'amount must be a number of euros with at most two decimals' })
  @Min(0.01)
  @Max(10000)
  amount: number;
}

export class MessageDto {
  @ApiProperty({ description: 'the message to the subject (e-mailed, and shown on the status page)', maxLength: 5000, example: 'We are collecting your records and will answer within the month.' })
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(5000)
  text: string;
}
