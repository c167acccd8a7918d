import { Body, Controller, Param, Post, Put, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard } from '@regula/auth';
import { NotFoundError } from '@regula/platform';
import { ControllerFacts, MAX_LOGO_BYTES, OnboardingActor, OnboardingResult, TenantOnboarding } from '@regula/onboarding';
import { TenantsService } from '@regula/tenancy';
import { ClientIp, CurrentUser } from '../common/current-user.decorator';
import { CheckedFileInterceptor } from '../common/input/checked-file.interceptor';
import { ApiErrors, ApiTenantSlug } from '../common/openapi';
import { CREATE_TENANT_SCHEMA, CreatedTenantResponse, TENANT_LOGO_SCHEMA, TenantLogoResponse } from './dto/tenant-creation.dto';
import { PlatformAdminGuard } from './platform-admin.guard';

export const platformOnboardingActor = (user: AuthUser, ip: string): OnboardingActor => ({ userId: user.id, label: `${user.email} (platform-admin)`, ip });

export function createdTenantAnswer(r: OnboardingResult): CreatedTenantResponse {
  return {
    tenantId: r.tenantId,
    slug: r.slug,
    version: r.version,
    definitionHash: r.definitionHash,
    publicUrl: `/t/${r.slug}/`,
    assumedFacts: r.assumed.map((f) => ({ path: f.path, kind: f.kind, note: f.provenance.decidedBy?.note ?? null })),
    firstAdmin: { email: r.firstAdmin.member.email, userCreated: r.firstAdmin.userCreated, oneTimePassword: r.firstAdmin.oneTimePassword ?? null },
  };
}

/**
 * A platform admin creates a controller (issue 17 §1) and sets its logo
 * (404 to anyone else, PlatformAdminGuard). The work is TenantOnboarding's,
 * the same the dashboard and `regula tenants create` call.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('api/v1/platform/tenants')
@UseGuards(JwtAuthGuard, PlatformAdminGuard)
export class PlatformTenantCreationController {
  constructor(private readonly onboarding: TenantOnboarding, private readonly facts: ControllerFacts, private readonly tenants: TenantsService) {}

  @Post()
  @ApiOperation({
    summary: 'Creates a controller and invites its first compliance admin (platform admins only)',
    description:
      'The country brings the authority, national act, Art. 8 age, time zone and holidays from the catalogue. What the body states is a stated fact; what Regula fills in is assumed until a compliance admin confirms it (`assumedFacts`). The controller starts with no register: its first policy is refused until its registers say enough. 400 names each bad field (`message`, and `problems`: each field with a code a page can put in its own words); 409 when the slug is taken.',
  })
  @ApiBody({ schema: CREATE_TENANT_SCHEMA })
  @ApiCreatedResponse({ type: CreatedTenantResponse })
  @ApiErrors(400, 401, 404, 409, 422, 503)
  async create(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Body() body: Record<string, unknown>): Promise<CreatedTenantResponse> {
    return createdTenantAnswer(await this.onboarding.create(body, platformOnboardingActor(user, ip)));
  }

  @Put(':slug/logo')
  // After the guards (signed in, platform admin): only then is the body read, one file of at most 256 KiB (413 beyond).
  @UseInterceptors(CheckedFileInterceptor('logo', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 0, parts: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: TENANT_LOGO_SCHEMA })
  @ApiOperation({ summary: "Sets a controller's logo, shown on its public pages (platform admins only)", description: 'Judged by content: PNG, JPEG, WebP, or SVG sanitised; anything else 400, over 256 KiB 413.' })
  @ApiTenantSlug()
  @ApiOkResponse({ type: TenantLogoResponse })
  @ApiErrors(400, 401, 404, 413, 503)
  async logo(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('slug') slug: string, @UploadedFile() file: Express.Multer.File | undefined): Promise<TenantLogoResponse> {
    const tenant = await this.tenants.findBySlug(slug);
    if (!tenant) throw new NotFoundError('no such tenant');
    const stored = await this.facts.setLogo(tenant.id, file?.buffer, platformOnboardingActor(user, ip));
    return { slug, type: stored.type, sha256: stored.sha256, bytes: stored.bytes, sanitised: stored.sanitised, url: `/t/${slug}/logo` };
  }
}
