import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessTokenClaims, AllowedBeforePasswordChange, AuthService, AuthUser, CurrentToken, JwtAuthGuard, TooManyAttemptsError } from '@regula/auth';
import { ClientIp, CurrentUser } from '../common/current-user.decorator';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LogoutDto } from './dto/logout.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Signs a staff member in; limited per IP address, and per account by a growing wait after 5 failures that a sign-in link from the e-mail skips' })
  async login(@Body() dto: LoginDto, @ClientIp() ip: string, @Res({ passthrough: true }) res: Response) {
    return retryAfterOn429(res, () => this.auth.login(dto.email, dto.password, ip, dto.signInLink));
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes the own password (not a common, trivial or personal one); wrong current passwords count like failed sign-ins; every token issued before, this one included, is refused afterwards: sign in again' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @ClientIp() ip: string, @Res({ passthrough: true }) res: Response): Promise<void> {
    await retryAfterOn429(res, () => this.auth.changePassword(user, dto.currentPassword, dto.newPassword, ip));
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(JwtAuthGuard)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signs this token out (refused until it expires); with {"everywhere": true} every token of the account' })
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
