import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IDENTIFIER_KINDS, MAX_IDENTIFIER_LENGTH } from '@regula/subjects';

/** The requester of a request the e-mail intake filed, as the admin corrects it (the service checks both fields). */
export class RequesterDto {
  @ApiProperty({ description: "the requester's name (a forward's original sender, not the member who forwarded it)", maxLength: 200, example: 'Mari Tamm' })
  @IsString({ message: 'name must be text' })
  name: string;

  @ApiProperty({ description: "the requester's e-mail address; the request's e-mails go there", maxLength: 254, example: 'mari.tamm@example.com' })
  @IsString({ message: 'email must be text' })
  email: string;
}

/** An identifier the controller's stores hold for the subject. */
export class SubjectLinkDto {
  @ApiProperty({ enum: IDENTIFIER_KINDS, description: 'phone, customer-number (a customer or patient number), username or email', example: 'phone' })
  @IsIn(IDENTIFIER_KINDS, { message: `kind must be one of: ${IDENTIFIER_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({ description: "the value as the requester gave it (normalised like the ingested identifiers: a national phone number gets the controller's country code)", maxLength: MAX_IDENTIFIER_LENGTH, example: '+372 5123 4567' })
  @IsString({ message: 'value must be text' })
  @MaxLength(MAX_IDENTIFIER_LENGTH)
  value: string;
}
