import { ApiProperty } from '@nestjs/swagger';
import { COUNTRIES, LANGS } from '@regula/engine';

const ADDRESS = {
  type: 'object',
  required: ['street', 'city'],
  properties: {
    street: { type: 'string', maxLength: 200, example: 'Esplanadi 1' },
    city: { type: 'string', maxLength: 100, example: 'Helsinki' },
    postalCode: { type: 'string', maxLength: 20, example: '00100' },
    country: { type: 'string', enum: [...COUNTRIES], description: 'default: the controller\'s country', example: 'FI' },
  },
};

/**
 * The body of `POST /api/v1/platform/tenants` (checked field by field by the
 * onboarding service, whose 400 names each bad field; declared here for the
 * document only).
 */
export const CREATE_TENANT_SCHEMA = {
  type: 'object',
  required: ['slug', 'legalName', 'registryCode', 'legalAddress', 'contact', 'dpo', 'country', 'languages', 'branding', 'firstAdminEmail'],
  properties: {
    slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 63, description: 'its pages\' address: /t/{slug}/; unique (409 when taken)', example: 'nordkust' },
    legalName: { type: 'string', maxLength: 200, example: 'Nordkust Oy' },
    brand: { type: 'string', maxLength: 100, example: 'Nordkust' },
    registryCode: { type: 'string', maxLength: 50, example: '1234567-8' },
    vatNumber: { type: 'string', maxLength: 20, description: 'with its country prefix', example: 'FI12345678' },
    legalAddress: ADDRESS,
    officeAddress: ADDRESS,
    contact: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email', example: 'privacy@nordkust.example' }, phone: { type: 'string', example: '+358 9 123 4567' }, web: { type: 'string', example: 'https://nordkust.example' } },
    },
    dpo: {
      description: "'none' (stated: no DPO), or the DPO's contact",
      oneOf: [
        { type: 'string', enum: ['none'] },
        { type: 'object', required: ['email'], properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, phone: { type: 'string' } } },
      ],
      example: 'none',
    },
    groupCompanies: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['name', 'relation', 'country'],
        properties: { name: { type: 'string' }, relation: { type: 'string', enum: ['parent', 'subsidiary', 'sister', 'joint-controller'] }, country: { type: 'string', enum: [...COUNTRIES] }, registryCode: { type: 'string' } },
      },
      example: [{ name: 'Nordkust Holding Ab', relation: 'parent', country: 'SE' }],
    },
    country: { type: 'string', enum: [...COUNTRIES], description: 'brings the supervisory authority, national act, Art. 8 age, time zone and public holidays from the country catalogue', example: 'FI' },
    authority: { type: 'string', description: 'where competence is regional (DE, ES): the region code (DE-BY, ES-CT) or the national authority\'s abbreviation', example: 'DE-BY' },
    languages: { type: 'array', items: { type: 'string', enum: [...LANGS] }, minItems: 1, description: 'the languages of its pages, the first its default', example: ['sv', 'en'] },
    branding: {
      type: 'object',
      required: ['primaryColor', 'accentColor'],
      description: 'each colour must leave the text on it at 4.5:1 contrast or more',
      properties: { primaryColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', example: '#1F4E79' }, accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', example: '#7A3E00' } },
    },
    firstAdminEmail: { type: 'string', format: 'email', description: 'invited as its first compliance admin (a new account gets a one-time password, in the answer only)', example: 'dpo@nordkust.example' },
  },
};

export const TENANT_LOGO_SCHEMA = {
  type: 'object',
  required: ['logo'],
  properties: { logo: { type: 'string', format: 'binary', description: 'PNG, JPEG or WebP judged by content, or an SVG (sanitised: scripts, handlers and links removed); at most 256 KiB' } },
};

export class AssumedFactResponse {
  @ApiProperty({ description: 'where the fact sits in the definition', example: 'requests.channels[e-mail]' }) path: string;
  @ApiProperty({ example: 'channels' }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it is assumed', example: 'the contact e-mail address taken as the channel for requests' }) note: string | null;
}

export class FirstAdminResponse {
  @ApiProperty({ example: 'dpo@nordkust.example' }) email: string;
  @ApiProperty({ description: 'false: the address already had an account, which only got the membership', example: true }) userCreated: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'a new account\'s one-time password: shown here once, never stored readable; null for an existing account', example: 'q2V7Yb0Xk9LmPw3ZsT4uRn8a' }) oneTimePassword: string | null;
}

export class CreatedTenantResponse {
  @ApiProperty({ format: 'uuid', example: '5b7c9d1e-2f3a-4b5c-8d6e-7f8a9b0c1d2e' }) tenantId: string;
  @ApiProperty({ example: 'nordkust' }) slug: string;
  @ApiProperty({ type: 'integer', description: "the version of the controller's facts (1)", example: 1 }) version: number;
  @ApiProperty({ example: '3f1a…' }) definitionHash: string;
  @ApiProperty({ description: 'its public pages', example: '/t/nordkust/' }) publicUrl: string;
  @ApiProperty({ type: () => AssumedFactResponse, isArray: true, description: 'facts nobody stated: to confirm before the first policy' }) assumedFacts: AssumedFactResponse[];
  @ApiProperty({ type: () => FirstAdminResponse }) firstAdmin: FirstAdminResponse;
}

export class TenantLogoResponse {
  @ApiProperty({ example: 'nordkust' }) slug: string;
  @ApiProperty({ enum: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'], example: 'image/png' }) type: string;
  @ApiProperty({ example: '9b74c9897bac770ffc029102a200c5de3c1b2a6c7d8e9f00112233445566778a' }) sha256: string;
  @ApiProperty({ type: 'integer', example: 2048 }) bytes: number;
  @ApiProperty({ description: 'an SVG from which something (a script, a handler, a link) was removed', example: false }) sanitised: boolean;
  @ApiProperty({ example: '/t/nordkust/logo' }) url: string;
}
