import { Injectable } from '@nestjs/common';
import { Between, EntityManager, FindOptionsWhere, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { DataSubjectEntity } from './data-subject.entity';
import { IdentifierKind, SubjectIdentifierEntity } from './subject-identifier.entity';
import { PersonalDataRecordEntity } from './personal-data-record.entity';
import { ConsentEntity } from './consent.entity';
import { ProcessingObjectionEntity } from './processing-objection.entity';
import { DisclosureEntity } from './disclosure.entity';
import { IdentifierError, normaliseIdentifier } from './identifiers';

export interface Period {
  from?: Date;
  to?: Date;
}

export interface SubjectDataOptions {
  /**
   * Keeps, in each list, what happened in the period: records collected,
   * consents given, objections taking effect, disclosures made in it.
   */
  period?: Period;
  /** Erased records (value null) are left out unless asked for. */
  includeErased?: boolean;
}

/** Everything Regula holds about one subject of one tenant. */
export interface SubjectData {
  subject: DataSubjectEntity;
  identifiers: SubjectIdentifierEntity[];
  records: PersonalDataRecordEntity[];
  consents: ConsentEntity[];
  objections: ProcessingObjectionEntity[];
  disclosures: DisclosureEntity[];
  /** The source systems the records and consents came from, by id (name, webhook or not). */
  systems: Record<string, { name: string; webhookUrl: string | null; disabledAt: Date | null }>;
}

function inPeriod<T>(field: keyof T & string, period?: Period): FindOptionsWhere<T> {
  if (!period?.from && !period?.to) return {};
  const cond = period.from && period.to ? Between(period.from, period.to) : period.from ? MoreThanOrEqual(period.from) : LessThanOrEqual(period.to!);
  return { [field]: cond } as FindOptionsWhere<T>;
}

/**
 * Finds subjects by any identifier and loads what is held about them, for
 * rights requests and fulfilment. Each method takes the tenant explicitly
 * and, optionally, the caller's EntityManager (to read in its transaction,
 * which must be scoped to the same tenant); without one it opens its own.
 */
@Injectable()
export class SubjectLookupService {
  constructor(private readonly db: TenantDb) {}

  private run<T>(tenantId: string, em: EntityManager | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return em ? work(em) : this.db.forTenant(tenantId, work);
  }

  /** The subject with this identifier (normalised as ingest does), or null. */
  findByIdentifier(tenantId: string, kind: IdentifierKind, value: string, em?: EntityManager): Promise<DataSubjectEntity | null> {
    return this.run(tenantId, em, async (m) => {
      let normalised: string;
      try {
        const tenant = await m.findOne(TenantEntity, { where: { id: tenantId }, select: { id: true, country: true } });
        normalised = normaliseIdentifier(kind, value, tenant?.country);
      } catch (e) {
        if (e instanceof IdentifierError) return null;
        throw e;
      }
      const id = await m.findOne(SubjectIdentifierEntity, { where: { tenantId, kind, value: normalised } });
      return id ? m.findOne(DataSubjectEntity, { where: { id: id.subjectId, tenantId } }) : null;
    });
  }

  findByEmail(tenantId: string, email: string, em?: EntityManager): Promise<DataSubjectEntity | null> {
    return this.findByIdentifier(tenantId, 'email', email, em);
  }

  /** Everything held about a subject (see SubjectDataOptions), or null when the tenant has no such subject. */
  load(tenantId: string, subjectId: string, opts: SubjectDataOptions = {}, em?: EntityManager): Promise<SubjectData | null> {
    return this.run(tenantId, em, async (m) => {
      const subject = await m.findOne(DataSubjectEntity, { where: { id: subjectId, tenantId } });
      if (!subject) return null;
      const base = { tenantId, subjectId };
      // One connection per transaction: the queries run one after the other.
      const identifiers = await m.find(SubjectIdentifierEntity, { where: base, order: { kind: 'ASC', value: 'ASC' } });
      const records = await m.find(PersonalDataRecordEntity, {
        where: { ...base, ...(opts.includeErased ? {} : { erasedAt: IsNull() }), ...inPeriod<PersonalDataRecordEntity>('collectedAt', opts.period) },
        order: { registerKey: 'ASC', categoryId: 'ASC', collectedAt: 'ASC' },
      });
      const consents = await m.find(ConsentEntity, { where: { ...base, ...inPeriod<ConsentEntity>('givenAt', opts.period) }, order: { givenAt: 'ASC' } });
      const objections = await m.find(ProcessingObjectionEntity, { where: { ...base, ...inPeriod<ProcessingObjectionEntity>('effectiveAt', opts.period) }, order: { effectiveAt: 'ASC' } });
      const disclosures = await m.find(DisclosureEntity, { where: { ...base, ...inPeriod<DisclosureEntity>('disclosedAt', opts.period) }, order: { disclosedAt: 'ASC' } });
      const systemIds = [...new Set([...records.map((r) => r.sourceSystemId), ...consents.map((c) => c.sourceSystemId)].filter((x): x is string => !!x))];
      // `source_systems` belongs to libs/ingest, which imports this lib: read here
      // by SQL (the names only, never a key or secret) rather than through its entity.
      const systems: { id: string; name: string; webhook_url: string | null; disabled_at: Date | null }[] = systemIds.length
        ? await m.query(`SELECT id, name, webhook_url, disabled_at FROM source_systems WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, systemIds])
        : [];
      return {
        subject, identifiers, records, consents, objections, disclosures,
        systems: Object.fromEntries(systems.map((s) => [s.id, { name: s.name, webhookUrl: s.webhook_url, disabledAt: s.disabled_at }])),
      };
    });
  }

  /** Finds by identifier and loads in one call; null when not found. */
  async loadByIdentifier(tenantId: string, kind: IdentifierKind, value: string, opts: SubjectDataOptions = {}, em?: EntityManager): Promise<SubjectData | null> {
    return this.run(tenantId, em, async (m) => {
      const subject = await this.findByIdentifier(tenantId, kind, value, m);
      return subject ? this.load(tenantId, subject.id, opts, m) : null;
    });
  }
}
