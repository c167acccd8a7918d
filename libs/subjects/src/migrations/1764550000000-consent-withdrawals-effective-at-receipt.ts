import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consent withdrawal is in effect from the instant it reached the
 * controller (GDPR Art. 7(3)); until this change a withdrawal made through a
 * consent-withdrawal request at a tenant promising "within three working
 * days" (Inomedis notice clause 15) was stored with its effect three working
 * days later, and its records stayed unrestricted until then. The withdrawals
 * still waiting for that date are set back to their withdrawal, so the
 * consent sweep (libs/consent) applies them on its next run. Applied ones
 * keep their history: their records were restricted at the date they name.
 *
 * Not reversible: the delayed dates are not kept, and restoring them would
 * delay a withdrawal the law says is already in effect.
 */
export class ConsentWithdrawalsEffectiveAtReceipt1764550000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE consents SET withdrawal_effective_at = withdrawn_at
      WHERE withdrawn_at IS NOT NULL AND effect_applied_at IS NULL AND withdrawal_effective_at > withdrawn_at`);
  }

  async down(): Promise<void> {
    // Nothing to undo (see above).
  }
}
