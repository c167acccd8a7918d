import { Body, Controller, Get, Header, HttpCode, NotFoundException, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, JwtAuthGuard, RequirePermission, TenantAccess, TenantAccessGuard } from '@regula/auth';
import { PolicyActor, PolicyVersionsService, PublishPreviewService, versionSummary } from '@regula/policies';
import { ClientIp, CurrentTenant, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors, ApiNoBody, ApiTenantSlug } from '../common/openapi';
import { PolicyDiffQueryDto, PolicyDraftParams, PolicyLangQueryDto, PolicyVersionParams, PublishPolicyDto, PublishPreviewDto } from './dto/policy.dto';
import {
  PolicyBannerPreview, PolicyContentResponse, PolicyDiffResponse, PolicyEmailsPreview, PolicyListResponse, PolicyPublishPreview, PolicyPublishResponse, PolicyVersionResponse, PolicyVersionSummary,
} from './dto/policy.response';

const actorOf = (user: AuthUser, access: TenantAccess, ip: string): PolicyActor => ({ userId: user.id, label: `${user.email} (${access.role})`, ip });


/**
 * Privacy-policy versions rendered from the registers: draft, preview,
 * publish (refused with 422 and the problems while the notice would be
 * incomplete), the archive and diffs. Reading needs policies:read (auditors
 * too); drafting and publishing need policies:publish. Every step is audited.
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('api/v1/tenants/:slug/policies')
@UseGuards(JwtAuthGuard, TenantAccessGuard)
@ApiTenantSlug()
@ApiErrors(400, 401, 403, 404, 503)
// Referenced only from nullable properties and a map's values (see nullableObject).
@ApiExtraModels(PolicyBannerPreview, PolicyEmailsPreview, PolicyContentResponse)
export class PoliciesController {
  constructor(private readonly policies: PolicyVersionsService, private readonly previews: PublishPreviewService) {}

  @Get()
  @RequirePermission('policies:read')
  @ApiOperation({ summary: 'Published versions (newest first), the open draft and the material change being announced' })
  @ApiOkResponse({ type: PolicyListResponse })
  async list(@CurrentTenant() access: TenantAccess) {
    const [versions, draft, current, announcement] = await Promise.all([
      this.policies.list(access.tenantId),
      this.policies.draft(access.tenantId),
      this.policies.current(access.tenantId),
      this.policies.announcement(access.tenantId),
    ]);
    return { versions, current: current ? versionSummary(current) : null, draft: draft ? versionSummary(draft) : null, announcement };
  }

  @Post('drafts')
  @RequirePermission('policies:publish')
  @ApiOperation({ summary: 'Renders the current registers into a draft (replacing an older draft); the answer lists what would block publishing' })
  @ApiNoBody()
  @ApiCreatedResponse({ type: PolicyVersionSummary, description: 'The draft; `problems` lists what would block publishing' })
  async draft(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string) {
    return versionSummary(await this.policies.createDraft(access.tenantId, actorOf(user, access, ip)));
  }

  @Get('drafts/current/preview')
  @RequirePermission('policies:read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The open draft rendered in one language (HTML fragment)' })
  @ApiOkResponse({ description: 'The draft as an HTML fragment', content: { 'text/html': { schema: { type: 'string', example: '<article lang="en"><section id="controller"><h2>1. Who we are</h2></section></article>' } } } })
  async preview(@CurrentTenant() access: TenantAccess, @Query() q: PolicyLangQueryDto) {
    const draft = await this.policies.draft(access.tenantId);
    const lang = q.lang ?? 'en';
    if (!draft) throw new NotFoundException('there is no open draft: POST .../policies/drafts makes one');
    if (!draft.content[lang]) throw new NotFoundException(`the draft has no ${lang} version`);
    return draft.content[lang].html;
  }

  @Post('drafts/:id/publish/preview')
  @HttpCode(200)
  @RequirePermission('policies:publish')
  @ApiOperation({
    summary: 'What publishing the draft would do, before doing it: the banners, the e-mails per language, the consents marked for renewal, the proposed effective date (the tenant\'s notice period for a material change), whether the draft reads exactly like the version in force, and the summaries still missing. Nothing is written; send its draftHash with the publish',
  })
  @ApiOkResponse({ type: PolicyPublishPreview })
  async publishPreview(@CurrentTenant() access: TenantAccess, @Param() p: PolicyDraftParams, @Body() dto: PublishPreviewDto) {
    return this.previews.preview(access.tenantId, p.id, dto);
  }

  @Post('drafts/:id/publish')
  @HttpCode(201)
  @RequirePermission('policies:publish')
  @ApiOperation({ summary: 'Publishes the draft as the next immutable version; 400 naming each language without a change summary (changeSummary.<lang>), 422 with the problems while the notice would be incomplete, 409 when the registers changed since the draft, the draft changed since the preview (draftHash) or nothing changed' })
  @ApiCreatedResponse({ type: PolicyPublishResponse, description: 'Published' })
  @ApiErrors(409, 422)
  async publish(@CurrentUser() user: AuthUser, @CurrentTenant() access: TenantAccess, @ClientIp() ip: string, @Param() p: PolicyDraftParams, @Body() dto: PublishPolicyDto) {
    const out = await this.policies.publish(access.tenantId, p.id, dto, actorOf(user, access, ip));
    return { ...out, version: versionSummary(out.version) };
  }

  @Get('diff')
  @RequirePermission('policies:read')
  @ApiOperation({ summary: 'The differences between two published versions in one language, section by section and word by word' })
  @ApiOkResponse({ type: PolicyDiffResponse })
  async diff(@CurrentTenant() access: TenantAccess, @Query() q: PolicyDiffQueryDto) {
    const d = await this.policies.diff(access.tenantId, q.from, q.to, q.lang);
    if (!d) throw new NotFoundException('no such policy version');
    return d;
  }

  @Get(':number')
  @RequirePermission('policies:read')
  @ApiOperation({ summary: 'One published version with its content in every language' })
  @ApiOkResponse({ type: PolicyVersionResponse })
  async get(@CurrentTenant() access: TenantAccess, @Param() p: PolicyVersionParams) {
    const v = await this.policies.get(access.tenantId, p.number);
    if (!v) throw new NotFoundException('no such policy version');
    const { definition: _d, ...rest } = v;
    return rest;
  }
}
