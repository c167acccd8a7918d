import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One rendering of a language of a policy version. */
export interface PolicyContent {
  html: string;
  text: string;
}

/** The register versions a policy version was rendered from. */
export interface PolicyRegisterRef {
  key: string;
  version: number;
  contentHash: string;
}

/**
 * A privacy-policy version of a tenant: a draft rendered from the registers,
 * or a published version, which never changes (a database trigger refuses it).
 */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) status: 'draft' | 'published';
  /** 1, 2, 3... per tenant once published; null for a draft. */
  @Column({ type: 'int', nullable: true }) number: number | null;
  @Column({ type: 'text', array: true }) languages: string[];
  /** Per language: the rendered HTML fragment and its plain text. */
  @Column({ type: 'jsonb' }) content: Record<string, PolicyContent>;
  /** SHA-256 of the content of every language (see policyContentHash). */
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  /** The controller definition with its registers, as rendered (for privacy.json / .jsonld). */
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ name: 'definition_hash', type: 'char', length: 64 }) definitionHash: string;
  @Column({ name: 'register_versions', type: 'jsonb' }) registerVersions: PolicyRegisterRef[];
  /** Per `<register>/<purpose>`: the hash of the purpose's texts, to find purposes whose text changed. */
  @Column({ name: 'purpose_hashes', type: 'jsonb' }) purposeHashes: Record<string, string>;
  /** Why the draft may not be published (empty when it may). */
  @Column({ type: 'jsonb' }) problems: { code: string; section?: string; lang?: string; path?: string; finding?: string; message: string }[];
  /** The day (in the tenant's time zone) from which the version applies. */
  @Column({ name: 'effective_date', type: 'date', nullable: true }) effectiveDate: string | null;
  /** What changed, one text per language of the version (`{ lv: '...', en: '...' }`); null for a draft. */
  @Column({ name: 'change_summary', type: 'jsonb', nullable: true }) changeSummary: Record<string, string> | null;
  /** Published before summaries were per language: its one summary was kept as the English entry, whatever its language. */
  @Column({ name: 'change_summary_legacy', type: 'boolean', default: false }) changeSummaryLegacy: boolean;
  @Column({ type: 'boolean', default: false }) material: boolean;
  /** Who made the draft and published it (e-mail, or 'system'). */
  @Column({ type: 'text' }) author: string;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
