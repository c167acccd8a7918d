import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, ApiConfig, SECRET_BOX, SecretBox, secretsKeyOf } from '@regula/platform';
import { MailModule } from '@regula/mail';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { SignInThrottle } from './sign-in-throttle.service';
import { SignInLinks } from './sign-in-links.service';
import { SignInLinkSecretModule } from './sign-in-link-secret.module';
import { SignInNotice } from './sign-in-notice.service';
import { PasswordService } from './password.service';
import { UsersService } from './users.service';
import { TenantAccessGuard } from './tenant-access.guard';
import { JwtAuthGuard } from './jwt-auth.guard';
import { MembershipsService } from './memberships.service';
import { AccessTokens } from './access-tokens.service';
import { TokenDenylist } from './token-denylist.service';
import { SsoEgress } from './sso/sso-egress';
import { SsoSettings } from './sso/sso-settings.service';
import { SsoSignIn } from './sso/sso-sign-in.service';

@Module({
  imports: [
    PassportModule,
    MailModule,
    SignInLinkSecretModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: ApiConfig) => ({ secret: cfg.JWT_SECRET, signOptions: { expiresIn: cfg.JWT_TTL_SECONDS, algorithm: 'HS256' } }),
    }),
  ],
  providers: [AccessTokens, TokenDenylist, AuthService, JwtStrategy, SignInThrottle, SignInNotice, PasswordService, UsersService, TenantAccessGuard, JwtAuthGuard, MembershipsService,
    { provide: SECRET_BOX, inject: [APP_CONFIG], useFactory: (cfg: ApiConfig) => new SecretBox(secretsKeyOf(cfg)) },
    SsoEgress, SsoSettings, SsoSignIn],
  exports: [AccessTokens, AuthService, PasswordService, UsersService, TenantAccessGuard, JwtAuthGuard, MembershipsService, SsoSettings, SsoSignIn],
})
export class AuthModule {}
