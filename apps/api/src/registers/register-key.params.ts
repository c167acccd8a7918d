import { IsString, Matches, MaxLength } from 'class-validator';
import { IntField } from '../common/input/int-field';

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
}

/** Route parameters of one version of a register (register_versions.version is an integer). */
export class RegisterVersionParams extends RegisterKeyParams {
  @IntField('params', { min: 1 })
  version: number;
}
