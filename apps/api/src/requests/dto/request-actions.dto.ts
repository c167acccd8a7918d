import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REFUSAL_GROUNDS, RefusalGround } from '@regula/requests';

export class ConfirmIdentityDto {
  @ApiPropertyOptional({ description: 'how identity was established when no uploaded document is reviewed (e.g. a signed letter received by post)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description: 'when identity information that came outside Regula (a letter, an e-mail) reached the controller: ISO 8601 with an offset (or a local date and time of the controller); default now; never in the future nor before identity was asked for. The time limit runs again from then.',
    example: '2026-03-02T09:30:00+01:00',
  })
  @IsOptional()
  @IsString({ message: 'arrivedAt must be a date and time (ISO 8601)' })
  @MaxLength(40, { message: 'arrivedAt must be a date and time (ISO 8601)' })
  arrivedAt?: string;
}

export class RejectEvidenceDto {
  @ApiProperty({ description: 'why the document is not accepted (the subject reads it)', minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5, { message: 'reason must say why, in at least 5 characters' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'one document; default: every document waiting for review' })
  @IsOptional()
  @IsUUID('all', { message: 'evidenceId must be a document id (UUID)' })
  evidenceId?: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'the reasons (the subject reads them)', minLength: 5, maxLength: 5000 })
  @IsString()
  @MinLength(5, { message: 'reason must say why, in at least 5 characters' })
  @MaxLength(5000)
  reason: string;
}

export class RefuseDto extends ReasonDto {
  @ApiProperty({ enum: REFUSAL_GROUNDS })
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
  @ApiProperty({ description: 'the message to the subject (e-mailed, and shown on the status page)', maxLength: 5000 })
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(5000)
  text: string;
}
