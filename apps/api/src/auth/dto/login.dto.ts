import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'the staff account\'s e-mail (the demo: admin@<tenant>.demo, auditor@<tenant>.demo, platform@regula.demo)', example: 'admin@medical-management.demo' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'the demo accounts\' password is DEMO_PASSWORD (default regula-demo-2026)', minLength: 1, maxLength: 200, example: 'regula-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'the one-time sign-in link token from the e-mail sent when the account\'s sign-ins were slowed down: skips the wait once (the password is still checked)', pattern: '^[A-Za-z0-9_-]{43}$', example: 'q3Jx8Vw2LmN5pR7tY1uZ4aB6cD9eF0gH2iJ3kL5mN7o' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'signInLink must be a sign-in link token' })
  signInLink?: string;
}
