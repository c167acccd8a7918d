import { Body, Controller, Get, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessTokenClaims, AllowedBeforePasswordChange, AuthService, AuthUser, CurrentToken, JwtAuthGuard, TooManyAttemptsError } from '@regula/auth';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { ClientIp, CurrentUser } from '../common/current-user.decorator';
import { ApiErrors } from '../common/openapi';
import { AuthLoginResponse, AuthUserResponse } from './dto/auth.response';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LogoutDto } from './dto/logout.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly cfg: ApiConfig) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Signs a staff member in; limited per IP address, and per account by a growing wait after 5 failures that a sign-in link from the e-mail skips' })
  @ApiOkResponse({ type: AuthLoginResponse, description: 'The bearer token (valid `expiresIn` seconds) and the staff member it signs in' })
  @ApiErrors(400, 401, 429, 503)
  async login(@Body() dto: LoginDto, @ClientIp() ip: string, @Res({ passthrough: true }) res: Response): Promise<AuthLoginResponse> {
    const out = await retryAfterOn429(res, () => this.auth.login(dto.email, dto.password, ip, dto.signInLink));
    // The token's lifetime, so that a client knows when to sign in again without decoding the JWT.
    return { ...out, expiresIn: this.cfg.JWT_TTL_SECONDS };
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in staff member: e-mail, name, platform admin or not, and each tenant with its role and permissions' })
  @ApiOkResponse({ type: AuthUserResponse })
  @ApiErrors(400, 401, 503)
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes the own password (not a common, trivial or personal one); wrong current passwords count like failed sign-ins; every token issued before, this one included, is refused afterwards: sign in again' })
  @ApiNoContentResponse({ description: 'The password is changed; every token issued before is refused from now on' })
  @ApiErrors(400, 401, 429, 503)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @ClientIp() ip: string, @Res({ passthrough: true }) res: Response): Promise<void> {
    await retryAfterOn429(res, () => this.auth.changePassword(user, dto.currentPassword, dto.newPassword, ip));
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signs this token out (refused until it expires); with {"everywhere": true} every token of the account' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400, 401, 503)
  async logout(@CurrentUser() user: AuthUser, @CurrentToken() token: AccessTokenClaims, @Body() dto: LogoutDto, @ClientIp() ip: string): Promise<void> {
    if (dto.everywhere) await this.auth.logoutEverywhere(user, ip);
    else await this.auth.logout(user, token, ip);
  }
}

/** Runs `work`; a TooManyAttemptsError gets its Retry-After header. */
async function retryAfterOn429<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof TooManyAttemptsError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
    throw e;
  }
}
