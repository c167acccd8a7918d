import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const REFERENCE = /^[Rr]-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}$/;

/** Route parameters of one request (documented by ApiTenantSlug, ApiRequestReference and ApiIdParam on the routes). */
export class RequestParams {
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'slug must be lower-case letters, digits and hyphens' })
  @MaxLength(64)
  slug: string;

  @IsString()
  @Matches(REFERENCE, { message: 'reference must look like R-7KQ2-XM4P' })
  reference: string;

  @IsOptional()
  @IsUUID('all', { message: 'id must be a document id (UUID)' })
  id?: string;
}
