import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 200, example: 'regula-demo-2026' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: 'at least 12 characters, not a common, trivial or personal one (e-mail, name, tenant)', minLength: 12, maxLength: 200, example: 'tulips on the quiet harbour' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword: string;
}
