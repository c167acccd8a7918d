import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A policy version's change summary is written per language
 * (`{ "lv": "...", "en": "..." }`): a reader is told what changed in the
 * language of the page or e-mail, never in another one.
 *
 * A version published before this migration has one summary, written once
 * in whatever language its author chose: it becomes the English entry and
 * `change_summary_legacy` says so (readers of other languages see no
 * summary for it rather than a text in the wrong language).
 *
 * Published rows are immutable (trigger `policy_versions_immutable`); this
 * migration is the one sanctioned rewrite of their summaries, so it disables
 * the trigger for its own statements only, inside its transaction, and
 * enables it again before it ends.
 */
export class PolicyChangeSummaries1764300000000 implements MigrationInterface {
  name = 'PolicyChangeSummaries1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_versions DISABLE TRIGGER policy_versions_immutable`);
    await q.query(`ALTER TABLE policy_versions ADD COLUMN change_summary_legacy boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE policy_versions SET change_summary_legacy = true WHERE change_summary IS NOT NULL`);
    await q.query(`ALTER TABLE policy_versions ALTER COLUMN change_summary TYPE jsonb
      USING CASE WHEN change_summary IS NULL THEN NULL ELSE jsonb_build_object('en', change_summary) END`);
    await q.query(`ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_change_summary_languages
      CHECK (change_summary IS NULL OR jsonb_typeof(change_summary) = 'object')`);
    await q.query(`ALTER TABLE policy_versions ENABLE TRIGGER policy_versions_immutable`);
  }

  /** Back to one text per version: the English entry (else the first language there is); the other languages are lost. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_versions DISABLE TRIGGER policy_versions_immutable`);
    await q.query(`ALTER TABLE policy_versions DROP CONSTRAINT IF EXISTS policy_versions_change_summary_languages`);
    await q.query(`ALTER TABLE policy_versions ALTER COLUMN change_summary TYPE text
      USING coalesce(change_summary->>'en', change_summary->>'lv', change_summary->>'lt', change_summary->>'et', change_summary->>'sv')`);
    await q.query(`ALTER TABLE policy_versions DROP COLUMN IF EXISTS change_summary_legacy`);
    await q.query(`ALTER TABLE policy_versions ENABLE TRIGGER policy_versions_immutable`);
  }
}
