import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Route parameters of register routes. */
export class RegisterKeyParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;

  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'key must be lower-case letters, digits and hyphens' })
  @MaxLength(100)
  key: string;

  @IsOptional()
  @IsString()
  version?: string;
}
