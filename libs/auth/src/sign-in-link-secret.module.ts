import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MailModule, MailSecretMinters } from '@regula/mail';
import { SignInLinks } from './sign-in-links.service';

/** The secret kind of a sign-in link's token in an e-mail (`MailSecrets.placeholder`). */
export const SIGN_IN_LINK_SECRET = 'sign-in-link';

/**
 * Tells libs/mail how to mint a sign-in link's token when the e-mail is sent:
 * for the account whose address the e-mail goes to, read in the sending
 * transaction (the users table is not tenant-scoped; no second connection).
 * Only the token's hash is kept (SignInLinks); the outbox shows it redacted.
 */
@Injectable()
export class SignInLinkSecret implements OnModuleInit {
  constructor(private readonly minters: MailSecretMinters, private readonly links: SignInLinks) {}

  onModuleInit(): void {
    this.minters.register(SIGN_IN_LINK_SECRET, async (em, email) => {
      const [user] = (await em.query(`SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL`, [email.to.trim().toLowerCase()])) as { id: string }[];
      if (!user) throw new Error(`e-mail ${email.emailId}: no active account for its recipient, no sign-in link minted`);
      return this.links.mint(user.id);
    });
  }
}

/** The sign-in link minter: in the API (AuthModule) and in the worker, whose mail processor sends the e-mails. */
@Module({ imports: [MailModule], providers: [SignInLinks, SignInLinkSecret], exports: [SignInLinks] })
export class SignInLinkSecretModule {}
