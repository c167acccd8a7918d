import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The e-mail a secret is minted for. */
export interface MintFor {
  emailId: string;
  /** Null: an e-mail of the platform (to a platform admin). */
  tenantId: string | null;
  requestId: string | null;
  /** The recipient's address. */
  to: string;
}

/**
 * Creates one secret for an e-mail being sent and stores only its hash where
 * it is checked, in `em` (the transaction commits before the e-mail leaves);
 * returns the secret itself, which goes into the sent message and nowhere else.
 */
export type MailSecretMinter = (em: EntityManager, email: MintFor) => Promise<string>;

/**
 * The minters of each secret kind, registered by the lib that owns the secret
 * (libs/requests: a status link's token, the e-mail code), so libs/mail sends
 * without knowing what the secrets unlock.
 */
@Injectable()
export class MailSecretMinters {
  private readonly minters = new Map<string, MailSecretMinter>();

  register(kind: string, minter: MailSecretMinter): void {
    this.minters.set(kind, minter);
  }

  /** A fresh secret per kind, in order. A kind nobody registered fails the sending (it is retried), never sends a placeholder. */
  async mintAll(em: EntityManager, email: MintFor, kinds: string[]): Promise<string[]> {
    const values: string[] = [];
    for (const kind of kinds) {
      const minter = this.minters.get(kind);
      if (!minter) throw new Error(`no minter for mail secret ${kind}: this process cannot send e-mail ${email.emailId}`);
      values.push(await minter(em, email));
    }
    return values;
  }
}
