import type { Grant } from '../auth/viewer';
import { LockMode, OptimisticLockError, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, authorizeRow, hasRole, requireAuthenticated } from '../auth/policy';
import type { OperationName } from '../auth/policies';
import { BadUserInputError, ConflictError, DomainError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import {
  checkListLength,
  listCap,
  MAX_PAGE_SIZE,
  keysetPage,
  keysetPageRequest,
  type KeysetPage,
} from '../common/pagination';
import type { RequestScope } from '../scope';
import { whenReady, type MaybePromise } from '../common/held-loader';
import type { RegionConfig } from '../region/region-config';
import { Unit } from '../units/unit.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import {
  coordinatedUnits,
  EXPERT_FIELD_RULES,
  EXPERT_READER_ROLES,
  expertAccess,
  mayRead,
  mustAudit,
  seesOnlyAvailable,
  type ExpertField,
} from './expert-access';
import {
  ExpertConsent,
  ExpertContract,
  ExpertTaxCard,
  ExpertTraining,
  type ConsentKind,
} from './expert-records.entity';
import { Expert, type Introduction } from './expert.entity';
import { createExpertLoaders, type TaxCardRow } from './expert.loaders';
import { readExpertPage, type ContractRow, type ExpertRow, type PageExtras, type TrainingRow } from './expert.read';
import { readRows, SqlParams } from '../db/read-sql';
import { isEmailAddress, isPhoneNumber } from './rules/contact';
import { contractOn, localDate, overlaps } from './rules/contract-validity';
import {
  CONTRACTED_STATUSES,
  eventForTarget,
  interviewPanel,
  LifecycleError,
  missingPanelRoles,
  nextStatus,
  type ExpertStatus,
  type LifecycleEvent,
} from './rules/expert-lifecycle';

export interface ProfileInput {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  topicIds?: string[] | null;
  languages?: string[] | null;
  taskTypeIds?: string[] | null;
  introduction?: Partial<Record<string, string | null | undefined>> | null;
  topicsPublic?: boolean | null;
  municipalities?: string[] | null;
  remote?: boolean | null;
  unitIds?: string[] | null;
  accountId?: string | null;
  earningsLimitOptIn?: boolean | null;
  earningsLimitCents?: number | null;
}

export interface SearchFilter {
  topicIds?: string[] | null;
  taskTypeIds?: string[] | null;
  languages?: string[] | null;
  municipality?: string | null;
  remote?: boolean | null;
  availableOn?: string | null;
  statuses?: ExpertStatus[] | null;
}

/** What the page's selection needs in its statement (everything when not known). */
export type ExpertPageSelection = PageExtras;
const ALL_EXTRAS: PageExtras = { contracts: true, trainings: true, units: true, totalCount: false };

const LANGUAGE = /^[a-z]{2,3}$/;
const PERSONAL_FIELDS = [
  'displayName',
  'email',
  'phone',
  'introduction',
  'topicIds',
  'topicsPublic',
  'languages',
  'municipalities',
  'remote',
  'taskTypeIds',
  'unitIds',
  'accountId',
  'earningsLimitOptIn',
  'earningsLimitCents',
] as const;
/** A month's limit above this is surely a typo (EUR 100 000). */
const MAX_EARNINGS_LIMIT_CENTS = 10_000_000;

/** The expert registry: applicants, lifecycle, contracts, trainings, tax cards, search, GDPR. */
export class ExpertService {
  // ---- reading ------------------------------------------------------------------------------

  /** One expert by id: NOT_FOUND outside the viewer's regions, for experts not their own, and for professionals' unavailable experts. */
  async get(ctx: RequestScope, id: string): Promise<Expert> {
    requireAuthenticated(ctx.viewer, 'expert');
    // Roles that read no expert (admins, analysts) get one answer for every id, existing or not,
    // so that they cannot learn which ids exist.
    if (!ctx.viewer.grants.some((g) => EXPERT_READER_ROLES.includes(g.role))) {
      throw new ForbiddenError(`reading experts requires the role ${EXPERT_READER_ROLES.join(' or ')}`);
    }
    const expert = isUuid(id) ? await ctx.em.findOne(Expert, { id }) : null;
    if (!expert) throw new NotFoundError('expert', id);
    const access = expertAccess(ctx.viewer, expert);
    if (!access) {
      // An expert asking for someone else learns nothing; other roles are told they may not.
      if (hasRole(ctx.viewer, expert.regionId, ['EXPERT'])) throw new NotFoundError('expert', id);
      throw new ForbiddenError(
        `reading experts requires the role ${EXPERT_READER_ROLES.join(' or ')} in region ${expert.regionId}`,
      );
    }
    // Applicants, interviewed, paused and ended experts are the regional coordinator's business.
    if (seesOnlyAvailable(access)) {
      const config = await this.config(ctx, expert.regionId);
      const contracts = await ctx.loaders.get(createExpertLoaders).contracts.load(expert.id);
      if (expert.status !== 'ACTIVE' || !contractOn(contracts, localDate(ctx.now(), config.timeZone)))
        throw new NotFoundError('expert', id);
    }
    return expert;
  }

  /**
   * Search of the pool. Professionals and unit coordinators see only ACTIVE experts under a valid
   * contract; their topic filter matches only experts whose topics they may read (consented, or
   * inducted in a unit they coordinate), else the filter would leak hidden topics; and
   * `availableOn` matches only the contract in force today, never a future one.
   */
  async search(
    ctx: RequestScope,
    regionId: string,
    filter: SearchFilter,
    first?: number | null,
    after?: string | null,
    selection?: ExpertPageSelection,
  ): Promise<KeysetPage<ExpertRow>> {
    authorize(ctx, 'Query.experts', regionId);
    const config = await this.config(ctx, regionId);
    const request = keysetPageRequest(first, after);
    if (request.after && (typeof request.after.key !== 'string' || !isUuid(request.after.id)))
      throw new BadUserInputError('after', 'not a cursor of this list');
    const poolOnly = !hasRole(ctx.viewer, regionId, ['COORDINATOR']);
    const ownUnits = coordinatedUnits(ctx.viewer, regionId);
    const today = localDate(ctx.now(), config.timeZone);
    for (const key of ['topicIds', 'taskTypeIds', 'languages', 'statuses'] as const)
      checkListLength(`filter.${key}`, filter[key]);
    if (filter.topicIds) this.checkIds(config.topics, filter.topicIds, 'filter.topicIds', 'topic', regionId);
    if (filter.taskTypeIds)
      this.checkIds(config.taskTypes, filter.taskTypeIds, 'filter.taskTypeIds', 'task type', regionId);

    // Plain SQL with bind parameters: no entity is hydrated, and the contracts, trainings and
    // units the page shows come in the same statement (json_agg), as does the total when selected.
    const params = new SqlParams();
    const where = [`e.region_id = ${params.add(regionId)}`];
    if (filter.topicIds?.length) {
      where.push(`e.topic_ids @> ${params.add(filter.topicIds, '::text[]')}`);
      if (poolOnly)
        where.push(
          ownUnits.length
            ? `(e.topics_public or e.unit_ids && ${params.add(ownUnits, '::text[]')})`
            : 'e.topics_public',
        );
    }
    if (filter.taskTypeIds?.length) where.push(`e.task_type_ids @> ${params.add(filter.taskTypeIds, '::text[]')}`);
    if (filter.languages?.length) where.push(`e.languages @> ${params.add(filter.languages, '::text[]')}`);
    if (filter.municipality) where.push(`e.municipalities @> ${params.add([filter.municipality], '::text[]')}`);
    if (filter.remote !== null && filter.remote !== undefined) where.push(`e.remote = ${params.add(filter.remote)}`);
    const contractCovering = (from: string, to: string) =>
      `exists (select 1 from expert_contract c where c.expert_id = e.id and c.valid_from <= ${params.add(from, '::date')} and c.valid_to >= ${params.add(to, '::date')})`;
    if (poolOnly) {
      where.push(`e.status = 'ACTIVE'`);
      // A future contract is the coordinator's knowledge: the pool sees only the one in force.
      const [from, to] =
        filter.availableOn && filter.availableOn < today
          ? [filter.availableOn, today]
          : [today, filter.availableOn ?? today];
      where.push(contractCovering(from, to));
    } else {
      if (filter.statuses?.length) where.push(`e.status = any(${params.add(filter.statuses, '::expert_status[]')})`);
      if (filter.availableOn)
        where.push(`e.status = 'ACTIVE'`, contractCovering(filter.availableOn, filter.availableOn));
    }
    const condition = where.join(' and ');
    const extras = { ...(selection ?? ALL_EXTRAS), totalCount: selection?.totalCount ?? false };
    // A keyset page (name, id): experts added or renamed while someone pages never repeat or skip one.
    const position = request.after ? { key: request.after.key as string, id: request.after.id } : null;
    const page = await readExpertPage(ctx, params, condition, position, request.limit, extras);
    ctx.loaders.get(createExpertLoaders).primePage(page.rows, extras);
    const rows = page.rows.map((r) => r.expert);
    if (filter.topicIds?.length) {
      // Matching a topic filter tells that the expert has those topics: for an expert who keeps them
      // hidden, that is a read of them, audited like selecting `topics`, in the same INSERT as the
      // page's field reads.
      for (const e of rows.slice(0, request.limit)) this.reveal(ctx, e, 'topics', 'experts (filter.topicIds)');
    }
    const counted = page.totalCount;
    return keysetPage(
      rows,
      request,
      (e) => e.displayName,
      async () =>
        counted ??
        (
          await readRows<{ n: number }>(
            ctx.em,
            `select count(*)::int as n from expert e where ${condition}`,
            params.values,
          )
        )[0]!.n,
    );
  }

  /** Experts under contract this year who have not delivered a tax card for `year` (COORDINATOR). */
  async missingTaxCard(ctx: RequestScope, regionId: string, year: number, first?: number | null): Promise<Expert[]> {
    authorize(ctx, 'Query.expertsMissingTaxCard', regionId);
    await this.config(ctx, regionId);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new BadUserInputError('year', 'expected a year from 2000 to 2100');
    return ctx.em.find(
      Expert,
      {
        regionId,
        status: { $in: [...CONTRACTED_STATUSES] },
        erasedAt: null,
        [raw(
          (alias) =>
            `exists (select 1 from "expert_contract" c where c.expert_id = ${alias}.id and c.valid_from <= ? and c.valid_to >= ?)`,
          [`${year}-12-31`, `${year}-01-01`],
        )]: true,
        [raw(
          (alias) => `not exists (select 1 from "expert_tax_card" t where t.expert_id = ${alias}.id and t.year = ?)`,
          [year],
        )]: true,
      },
      { orderBy: { displayName: 'asc', id: 'asc' }, limit: listCap(first) },
    );
  }

  /** The expert's own record in a region, for their data request. */
  async mine(
    ctx: RequestScope,
    regionId: string,
  ): Promise<{ expert: Expert; auditEntries: AuditEntry[]; consents: ExpertConsent[] }> {
    const expert = await this.own(ctx, regionId, 'Query.myData');
    const auditEntries = await ctx.services.audit.aboutSubject(ctx, regionId, expert.id);
    // The latest MAX_PAGE_SIZE changes, shown oldest first: a capped list like every other.
    const latest = await ctx.em.find(
      ExpertConsent,
      { expert: expert.id },
      { orderBy: { at: 'desc', id: 'desc' }, limit: MAX_PAGE_SIZE },
    );
    const consents = latest.reverse();
    return { expert, auditEntries, consents };
  }

  // ---- reading the sensitive fields (EXPERT_FIELD_RULES), audited here for every caller --------

  /**
   * Whether the viewer reads `field` of the expert, by the declared field rules; an allowed read
   * that the rules audit is queued for the audit log (only when there is a value to reveal), and
   * the request does not commit, nor answer, unless it is written.
   */
  reveal(ctx: RequestScope, e: ExpertRow, field: ExpertField, operation: string | null, hasValue = true): boolean {
    const access = expertAccess(ctx.viewer, e);
    if (!access || !mayRead(access, field, e.topicsPublic)) return false;
    if (hasValue && mustAudit(access, field, e.topicsPublic)) {
      ctx.services.audit.recordRead(ctx, {
        regionId: e.regionId,
        grant: access.grant,
        subjectId: e.id,
        fields: EXPERT_FIELD_RULES[field].auditFields,
        operation,
      });
    }
    return true;
  }

  contact(
    ctx: RequestScope,
    e: ExpertRow,
    operation: string | null,
  ): { email: string | null; phone: string | null } | null {
    if (!e.email && !e.phone) return null;
    return this.reveal(ctx, e, 'contact', operation) ? { email: e.email ?? null, phone: e.phone ?? null } : null;
  }

  topicIds(ctx: RequestScope, e: ExpertRow, operation: string | null): string[] | null {
    return this.reveal(ctx, e, 'topics', operation, e.topicIds.length > 0) ? e.topicIds : null;
  }

  /** Trainings; `detailed` false: the caller sees hours and dates only, not names and providers. */
  trainings(
    ctx: RequestScope,
    e: ExpertRow,
    operation: string | null,
  ): MaybePromise<{ rows: TrainingRow[]; detailed: boolean }> {
    return whenReady(ctx.loaders.get(createExpertLoaders).trainings.get(e.id), (rows) => ({
      rows,
      detailed: this.reveal(ctx, e, 'trainings', operation, rows.length > 0),
    }));
  }

  earningsLimitOptIn(ctx: RequestScope, e: ExpertRow, operation: string | null): boolean | null {
    return this.reveal(ctx, e, 'earningsLimitOptIn', operation, e.earningsLimitOptIn) ? e.earningsLimitOptIn : null;
  }

  earningsLimitCents(ctx: RequestScope, e: ExpertRow, operation: string | null): number | null {
    const cents = e.earningsLimitCents ?? null;
    return this.reveal(ctx, e, 'earningsLimitCents', operation, cents !== null) ? cents : null;
  }

  interview(ctx: RequestScope, e: ExpertRow, operation: string | null): ExpertRow['interview'] | null {
    if (!e.interview) return null;
    return this.reveal(ctx, e, 'interview', operation) ? e.interview : null;
  }

  contracts(ctx: RequestScope, e: ExpertRow, operation: string | null): MaybePromise<ContractRow[] | null> {
    if (!mayRead(expertAccess(ctx.viewer, e), 'contracts', e.topicsPublic)) return null;
    return whenReady(ctx.loaders.get(createExpertLoaders).contracts.get(e.id), (rows) => {
      this.reveal(ctx, e, 'contracts', operation, rows.length > 0);
      return rows;
    });
  }

  taxCards(ctx: RequestScope, e: ExpertRow, operation: string | null): MaybePromise<TaxCardRow[] | null> {
    if (!mayRead(expertAccess(ctx.viewer, e), 'taxCards', e.topicsPublic)) return null;
    return whenReady(ctx.loaders.get(createExpertLoaders).taxCards.get(e.id), (rows) => {
      this.reveal(ctx, e, 'taxCards', operation, rows.length > 0);
      return rows;
    });
  }

  version(ctx: RequestScope, e: ExpertRow): number | null {
    return this.reveal(ctx, e, 'version', null) ? e.version : null;
  }

  accountId(ctx: RequestScope, e: ExpertRow): string | null {
    return this.reveal(ctx, e, 'accountId', null) ? (e.accountId ?? null) : null;
  }

  // ---- the expert's own consent --------------------------------------------------------------

  /**
   * The expert gives or withdraws their consents themselves, in force at once; each change is
   * kept with its time (myData) and audited. Withdrawing the earnings-limit consent forgets the limit.
   */
  async updateMyConsent(
    ctx: RequestScope,
    regionId: string,
    input: { topicsPublic?: boolean | null; earningsLimitOptIn?: boolean | null; earningsLimitCents?: number | null },
    operation: string | null,
  ): Promise<Expert> {
    const grant = authorize(ctx, 'Mutation.updateMyConsent', regionId);
    const expert = await this.own(ctx, regionId, 'Mutation.updateMyConsent', true);
    if (expert.erasedAt) throw new ConflictError(`expert ${expert.id} has been erased`);
    const config = await this.config(ctx, regionId);
    const values = await this.validateProfile(
      ctx,
      config,
      {
        topicsPublic: input.topicsPublic,
        earningsLimitOptIn: input.earningsLimitOptIn,
        earningsLimitCents: input.earningsLimitCents,
      },
      false,
    );
    checkEarningsLimit(values, expert);
    const changed = changedKeys(values, expert);
    const consents = consentChanges(values, expert);
    ctx.em.assign(expert, values as Partial<Expert>);
    this.recordConsents(ctx, expert, consents, false);
    await ctx.em.flush();
    if (changed.length) await this.auditChange(ctx, expert, grant, changed, operation);
    return expert;
  }

  // ---- changing ----------------------------------------------------------------------------

  /**
   * Puts a unit in the expert's `units` once its unit coordinator has oriented them there (003 §3);
   * the caller (the unit service) has checked who may. Audited like any change of the profile.
   */
  async markOriented(ctx: RequestScope, expert: Expert, unitId: string, grant: Grant, operation: string | null) {
    if (expert.unitIds.includes(unitId)) return;
    expert.unitIds = [...expert.unitIds, unitId];
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['unitIds'], operation, `oriented in unit ${unitId}`);
  }

  async create(
    ctx: RequestScope,
    input: ProfileInput & { regionId: string },
    operation: string | null,
  ): Promise<Expert> {
    const grant = authorize(ctx, 'Mutation.createExpert', input.regionId);
    const config = await this.config(ctx, input.regionId);
    const values = await this.validateProfile(ctx, config, input, true);
    checkEarningsLimit(values, { earningsLimitOptIn: false, earningsLimitCents: null });
    if (!values.displayName) throw new BadUserInputError('input.displayName', 'must not be empty');
    if (!values.introduction || !Object.keys(values.introduction).length)
      throw new BadUserInputError('input.introduction', 'expected text in at least one locale');
    await this.checkAccountFree(ctx, input.regionId, values.accountId as string | null | undefined, null);
    const now = ctx.now();
    const expert = ctx.em.create(Expert, {
      regionId: input.regionId,
      status: 'APPLIED',
      pseudonym: newPseudonym(),
      displayName: values.displayName as string,
      introduction: values.introduction,
      createdAt: now,
      statusChangedAt: now,
    });
    const consents = consentChanges(values, { topicsPublic: false, earningsLimitOptIn: false });
    ctx.em.assign(expert, values as Partial<Expert>);
    this.recordConsents(ctx, expert, consents, true);
    await this.flushProfile(ctx, expert.id);
    await this.auditChange(ctx, expert, grant, Object.keys(values), operation, consents.length ? ON_BEHALF : null);
    return expert;
  }

  /**
   * Two coordinators may edit one profile at once: with `expectedVersion` the second save gets
   * CONFLICT instead of silently overwriting the first (also when both read the same version).
   */
  async update(
    ctx: RequestScope,
    id: string,
    input: ProfileInput,
    operation: string | null,
    expectedVersion?: number | null,
  ): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.updateExpertProfile');
    if (expert.erasedAt) throw new ConflictError(`expert ${id} has been erased`);
    if (expectedVersion != null && expert.version !== expectedVersion) {
      throw new ConflictError(
        `expert ${id} was changed by someone else (version ${expert.version}, expected ${expectedVersion}); reload and try again`,
      );
    }
    const config = await this.config(ctx, expert.regionId);
    const values = await this.validateProfile(ctx, config, input, false);
    checkEarningsLimit(values, expert);
    if ('displayName' in values && !values.displayName)
      throw new BadUserInputError('input.displayName', 'must not be empty');
    const changed = changedKeys(values, expert);
    const consents = consentChanges(values, expert);
    if (changed.includes('accountId'))
      await this.checkAccountFree(ctx, expert.regionId, values.accountId as string | null, expert.id);
    ctx.em.assign(expert, values as Partial<Expert>);
    // A coordinator records a consent the expert gave on paper; the default path is updateMyConsent.
    this.recordConsents(ctx, expert, consents, true);
    await this.flushProfile(ctx, id);
    if (changed.length) {
      await this.auditChange(ctx, expert, grant, changed, operation, consents.length ? ON_BEHALF : null);
    }
    return expert;
  }

  async recordInterview(
    ctx: RequestScope,
    id: string,
    input: { heldOn: string; panel: Array<{ role: string; name: string }>; notes?: string | null },
    operation: string | null,
  ): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.recordExpertInterview');
    const config = await this.config(ctx, expert.regionId);
    checkListLength('input.panel', input.panel);
    const step = interviewPanel(config.onboardingSteps);
    const allowedRoles = new Set(['PROFESSIONAL', ...config.coordinatorRoles.map((r) => r.id)]);
    input.panel.forEach((m, i) => {
      if (!allowedRoles.has(m.role))
        throw new BadUserInputError(
          `input.panel[${i}].role`,
          `unknown panel role "${m.role}" (allowed: ${[...allowedRoles].join(', ')})`,
        );
      if (!m.name.trim()) throw new BadUserInputError(`input.panel[${i}].name`, 'must not be empty');
    });
    const missing = missingPanelRoles(
      step?.roles ?? [],
      input.panel.map((m) => m.role),
    );
    if (missing.length) {
      throw new BadUserInputError(
        'input.panel',
        `the ${step!.stepId} step of region ${expert.regionId} needs ${step!.roles.join(' and ')} on the panel; missing ${missing.join(', ')}`,
      );
    }
    if (input.heldOn > localDate(ctx.now(), config.timeZone))
      throw new BadUserInputError('input.heldOn', 'an interview cannot be recorded before it is held');
    this.transition(expert, 'INTERVIEW', ctx.now());
    expert.interview = {
      stepId: step?.stepId ?? 'interview',
      heldOn: input.heldOn,
      panel: input.panel.map((m) => ({ role: m.role, name: m.name.trim() })),
      notes: input.notes?.trim() || null,
    };
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['status', 'interview'], operation);
    return expert;
  }

  async signContract(
    ctx: RequestScope,
    id: string,
    input: {
      validFrom: string;
      validTo: string;
      signedOn?: string | null;
      training?: string | null;
      earlierExperience?: string | null;
      topicIds: string[];
      wishes?: string | null;
      taskTypeIds: string[];
    },
    operation: string | null,
  ): Promise<Expert> {
    // The row lock serialises two coordinators signing at once, so "one valid contract" holds.
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.signExpertContract', true);
    const config = await this.config(ctx, expert.regionId);
    if (input.validFrom > input.validTo) throw new BadUserInputError('input.validTo', 'must not be before validFrom');
    checkListLength('input.topicIds', input.topicIds);
    checkListLength('input.taskTypeIds', input.taskTypeIds);
    this.checkIds(config.topics, input.topicIds, 'input.topicIds', 'topic', expert.regionId);
    this.checkIds(config.taskTypes, input.taskTypeIds, 'input.taskTypeIds', 'task type', expert.regionId);
    if (!input.taskTypeIds.length)
      throw new BadUserInputError('input.taskTypeIds', 'a contract agrees at least one task type');
    const existing = await ctx.em.find(ExpertContract, { expert: expert.id });
    const clash = existing.find((c) => overlaps(c, input));
    if (clash)
      throw new ConflictError(
        `expert ${id} already has a contract valid from ${clash.validFrom} to ${clash.validTo}; only one contract is valid at a time`,
      );
    this.transition(expert, 'SIGN_CONTRACT', ctx.now());
    ctx.em.create(ExpertContract, {
      regionId: expert.regionId,
      expert,
      validFrom: input.validFrom,
      validTo: input.validTo,
      signedOn: input.signedOn ?? localDate(ctx.now(), config.timeZone),
      training: input.training?.trim() || null,
      earlierExperience: input.earlierExperience?.trim() || null,
      topicIds: [...new Set(input.topicIds)],
      wishes: input.wishes?.trim() || null,
      taskTypeIds: [...new Set(input.taskTypeIds)],
      createdAt: ctx.now(),
    });
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['status', 'contracts'], operation);
    return expert;
  }

  async changeStatus(ctx: RequestScope, id: string, status: ExpertStatus, operation: string | null): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.changeExpertStatus');
    const event = eventForTarget(status);
    if (!event)
      throw new BadUserInputError(
        'status',
        `${status} is reached through its own step (recordExpertInterview, signExpertContract), not changeExpertStatus`,
      );
    if (event === 'ACTIVATE') {
      const config = await this.config(ctx, expert.regionId);
      const contracts = await ctx.em.find(ExpertContract, { expert: expert.id });
      if (!contractOn(contracts, localDate(ctx.now(), config.timeZone)))
        throw new ConflictError(`expert ${id} has no contract valid today; sign a new contract first`);
    }
    this.transition(expert, event, ctx.now());
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['status'], operation);
    return expert;
  }

  async addTraining(
    ctx: RequestScope,
    id: string,
    input: { name: string; provider: string; hours: number; startedOn?: string | null; completedOn: string },
    operation: string | null,
  ): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.addExpertTraining');
    if (expert.erasedAt) throw new ConflictError(`expert ${id} has been erased`);
    if (!input.name.trim()) throw new BadUserInputError('input.name', 'must not be empty');
    if (!input.provider.trim()) throw new BadUserInputError('input.provider', 'must not be empty');
    if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 10_000)
      throw new BadUserInputError('input.hours', 'expected hours from 1 to 10000');
    if (input.startedOn && input.startedOn > input.completedOn)
      throw new BadUserInputError('input.startedOn', 'must not be after completedOn');
    ctx.em.create(ExpertTraining, {
      regionId: expert.regionId,
      expert,
      name: input.name.trim(),
      provider: input.provider.trim(),
      hours: input.hours,
      startedOn: input.startedOn ?? null,
      completedOn: input.completedOn,
    });
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['trainings'], operation);
    return expert;
  }

  async recordTaxCard(
    ctx: RequestScope,
    id: string,
    year: number,
    receivedOn: string,
    operation: string | null,
  ): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.recordTaxCard', true);
    if (expert.erasedAt) throw new ConflictError(`expert ${id} has been erased`);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new BadUserInputError('year', 'expected a year from 2000 to 2100');
    const existing = await ctx.em.findOne(ExpertTaxCard, { expert: expert.id, year });
    if (existing) existing.receivedOn = receivedOn;
    else ctx.em.create(ExpertTaxCard, { regionId: expert.regionId, expert, year, receivedOn });
    await ctx.em.flush();
    await this.auditChange(ctx, expert, grant, ['taxCards'], operation);
    return expert;
  }

  /**
   * GDPR erasure: personal and special-category data go; the row stays as a pseudonym because fee
   * records (kept for the accounting period) point at it, and contracts keep only their dates and
   * task types, which fees were paid under.
   */
  async erase(ctx: RequestScope, id: string, reason: string, operation: string | null): Promise<Expert> {
    const { expert, grant } = await this.forChange(ctx, id, 'Mutation.eraseExpert', true);
    if (!reason.trim()) throw new BadUserInputError('reason', 'must not be empty');
    if (expert.erasedAt) throw new ConflictError(`expert ${id} has already been erased`);
    const now = ctx.now();
    ctx.em.assign(expert, {
      displayName: expert.pseudonym,
      email: null,
      phone: null,
      introduction: {},
      topicIds: [],
      topicsPublic: false,
      earningsLimitOptIn: false,
      earningsLimitCents: null,
      languages: [],
      municipalities: [],
      remote: false,
      taskTypeIds: [],
      unitIds: [],
      interview: null,
      accountId: null,
      status: 'ENDED',
      statusChangedAt: now,
      erasedAt: now,
    });
    const contracts = await ctx.em.find(ExpertContract, { expert: expert.id });
    for (const c of contracts)
      ctx.em.assign(c, { training: null, earlierExperience: null, topicIds: [], wishes: null });
    await ctx.em.nativeDelete(ExpertTraining, { expert: expert.id });
    await ctx.em.nativeDelete(ExpertTaxCard, { expert: expert.id });
    await ctx.em.nativeDelete(ExpertConsent, { expert: expert.id });
    await ctx.em.flush();
    await ctx.services.audit.recordChange(ctx, {
      regionId: expert.regionId,
      grant,
      action: 'ERASE',
      subjectId: expert.id,
      fields: [...PERSONAL_FIELDS, 'interview', 'trainings', 'taxCards', 'contracts.personal'],
      operation,
      reason: reason.trim(),
    });
    return expert;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** Audits a change of the expert's data under the grant it was made with (in this transaction). */
  private async auditChange(
    ctx: RequestScope,
    expert: Expert,
    grant: Grant,
    fields: string[],
    operation: string | null,
    reason: string | null = null,
  ): Promise<void> {
    await ctx.services.audit.recordChange(ctx, {
      regionId: expert.regionId,
      grant,
      action: 'CHANGE',
      subjectId: expert.id,
      fields,
      operation,
      reason,
    });
  }

  /** The caller's own expert profile in a region (EXPERT), or NOT_FOUND. */
  private async own(
    ctx: RequestScope,
    regionId: string,
    operation: 'Query.myData' | 'Mutation.updateMyConsent',
    lock = false,
  ): Promise<Expert> {
    authorize(ctx, operation, regionId);
    const expert = await ctx.em.findOne(
      Expert,
      { regionId, accountId: ctx.viewer.id },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!expert) throw new NotFoundError('expert profile for the caller in region', regionId);
    return expert;
  }

  /** An account opens one profile per region: a second one would make myData answer for the wrong person. */
  private async checkAccountFree(
    ctx: RequestScope,
    regionId: string,
    accountId: string | null | undefined,
    selfId: string | null,
  ): Promise<void> {
    if (!accountId) return;
    const holders = await ctx.em.count(Expert, { regionId, accountId, ...(selfId ? { id: { $ne: selfId } } : {}) });
    if (holders > 0) throw accountInUse(accountId);
  }

  private async flushProfile(ctx: RequestScope, id: string): Promise<void> {
    try {
      await ctx.em.flush();
    } catch (error) {
      // The row's version moved between our read and our write: someone saved first.
      if (error instanceof OptimisticLockError)
        throw new ConflictError(`expert ${id} was changed by someone else; reload and try again`);
      // Two coordinators linking the same account at once: the unique index decides.
      if (error instanceof UniqueConstraintViolationException && /account_id/.test(error.message))
        throw accountInUse(null);
      throw error;
    }
  }

  private recordConsents(
    ctx: RequestScope,
    expert: Expert,
    changes: Array<{ consent: ConsentKind; given: boolean }>,
    onBehalf: boolean,
  ): void {
    for (const change of changes) {
      ctx.em.create(ExpertConsent, {
        regionId: expert.regionId,
        expert,
        ...change,
        at: ctx.now(),
        recordedBy: ctx.viewer.id!,
        onBehalf,
      });
    }
  }

  private async config(ctx: RequestScope, regionId: string): Promise<RegionConfig> {
    return ctx.loaders.get(createExpertLoaders).config.load(regionId);
  }

  /** The expert to change: NOT_FOUND outside the viewer's regions, FORBIDDEN without COORDINATOR. */
  private async forChange(ctx: RequestScope, id: string, operation: OperationName, lock = false) {
    requireAuthenticated(ctx.viewer, operation.slice(operation.indexOf('.') + 1));
    const expert = isUuid(id)
      ? await ctx.em.findOne(Expert, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
      : null;
    if (!expert) throw new NotFoundError('expert', id);
    const grant = authorizeRow(ctx, operation, expert);
    return { expert, grant };
  }

  private transition(expert: Expert, event: LifecycleEvent, at: Date): void {
    try {
      const next = nextStatus(expert.status, event);
      if (next !== expert.status) {
        expert.status = next;
        expert.statusChangedAt = at;
      }
    } catch (error) {
      if (error instanceof LifecycleError) throw new ConflictError(error.message);
      throw error;
    }
  }

  private checkIds(
    list: ReadonlyArray<{ id: string }>,
    ids: readonly string[],
    field: string,
    what: string,
    regionId: string,
  ): void {
    const known = new Set(list.map((x) => x.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new BadUserInputError(field, `unknown ${what} "${unknown}" in region ${regionId}`);
  }

  /** Validates the given fields of a profile; returns only those given, normalised. */
  private async validateProfile(
    ctx: RequestScope,
    config: RegionConfig,
    input: ProfileInput,
    creating: boolean,
  ): Promise<Partial<Record<(typeof PERSONAL_FIELDS)[number], unknown>>> {
    const out: Partial<Record<(typeof PERSONAL_FIELDS)[number], unknown>> = {};
    const given = <K extends keyof ProfileInput>(k: K) =>
      input[k] !== undefined &&
      (input[k] !== null || k === 'email' || k === 'phone' || k === 'accountId' || k === 'earningsLimitCents');
    for (const key of ['topicIds', 'languages', 'taskTypeIds', 'municipalities', 'unitIds'] as const)
      checkListLength(`input.${key}`, input[key]);
    if (given('displayName')) {
      const name = input.displayName!.trim();
      if (name.length > 200) throw new BadUserInputError('input.displayName', 'at most 200 characters');
      out.displayName = name;
    }
    if (given('email')) {
      const email = input.email?.trim() || null;
      if (email && !isEmailAddress(email)) throw new BadUserInputError('input.email', 'not an email address');
      out.email = email;
    }
    if (given('phone')) {
      const phone = input.phone?.trim() || null;
      if (phone && !isPhoneNumber(phone)) throw new BadUserInputError('input.phone', 'not a phone number');
      out.phone = phone;
    }
    if (given('topicIds')) {
      this.checkIds(config.topics, input.topicIds!, 'input.topicIds', 'topic', config.id);
      out.topicIds = [...new Set(input.topicIds)];
    }
    if (given('taskTypeIds')) {
      this.checkIds(config.taskTypes, input.taskTypeIds!, 'input.taskTypeIds', 'task type', config.id);
      out.taskTypeIds = [...new Set(input.taskTypeIds)];
    }
    if (given('languages')) {
      const bad = input.languages!.find((l) => !LANGUAGE.test(l));
      if (bad !== undefined)
        throw new BadUserInputError('input.languages', `"${bad}" is not an ISO 639 language code such as "fi"`);
      out.languages = [...new Set(input.languages)];
    }
    if (given('municipalities')) {
      const list = input.municipalities!.map((m) => m.trim());
      if (list.some((m) => !m)) throw new BadUserInputError('input.municipalities', 'names must not be empty');
      out.municipalities = [...new Set(list)];
    }
    if (given('introduction')) {
      const intro: Introduction = {};
      for (const [locale, text] of Object.entries(input.introduction!)) {
        if (text === null || text === undefined || !text.trim()) continue;
        if (!(config.locales as readonly string[]).includes(locale)) {
          throw new BadUserInputError(
            `input.introduction.${locale}`,
            `region ${config.id} allows the locales ${config.locales.join(', ')}`,
          );
        }
        if (text.length > 5000) throw new BadUserInputError(`input.introduction.${locale}`, 'at most 5000 characters');
        intro[locale as keyof Introduction] = text.trim();
      }
      out.introduction = intro;
    }
    if (given('unitIds')) {
      const ids = [...new Set(input.unitIds)];
      const bad = ids.find((u) => !isUuid(u));
      const found =
        bad === undefined && ids.length ? await ctx.em.find(Unit, { id: { $in: ids }, regionId: config.id }) : [];
      const missing = bad ?? ids.find((u) => !found.some((f) => f.id === u));
      if (missing !== undefined)
        throw new BadUserInputError('input.unitIds', `unknown unit "${missing}" in region ${config.id}`);
      out.unitIds = ids;
    }
    if (given('accountId')) out.accountId = input.accountId?.trim() || null;
    if (given('earningsLimitCents')) {
      const cents = input.earningsLimitCents ?? null;
      if (cents !== null && (!Number.isInteger(cents) || cents < 1 || cents > MAX_EARNINGS_LIMIT_CENTS)) {
        throw new BadUserInputError(
          'input.earningsLimitCents',
          `expected a whole number of cents from 1 to ${MAX_EARNINGS_LIMIT_CENTS}`,
        );
      }
      if (cents !== null && !config.earningsLimitOptIn)
        throw new BadUserInputError('input.earningsLimitCents', `region ${config.id} does not follow earnings limits`);
      out.earningsLimitCents = cents;
    }
    for (const key of ['topicsPublic', 'remote', 'earningsLimitOptIn'] as const) {
      if (given(key)) out[key] = input[key];
      else if (creating) out[key] = false;
    }
    return out;
  }
}

/** Audit reason of a consent a coordinator records for the expert (given on paper). */
const ON_BEHALF = "consent recorded on the expert's behalf";

function accountInUse(accountId: string | null): DomainError {
  const what = accountId ? `account "${accountId}"` : 'the account';
  return new DomainError('CONFLICT', `input.accountId: ${what} already belongs to another expert of the region`, {
    field: 'input.accountId',
  });
}

function changedKeys(values: Record<string, unknown>, expert: Expert): string[] {
  return Object.keys(values).filter(
    (k) => JSON.stringify(values[k]) !== JSON.stringify(expert[k as keyof Expert] ?? null),
  );
}

/** Consents that the new values give or withdraw. */
function consentChanges(
  values: Record<string, unknown>,
  current: { topicsPublic: boolean; earningsLimitOptIn: boolean },
): Array<{ consent: ConsentKind; given: boolean }> {
  const out: Array<{ consent: ConsentKind; given: boolean }> = [];
  if (typeof values.topicsPublic === 'boolean' && values.topicsPublic !== current.topicsPublic)
    out.push({ consent: 'TOPICS_PUBLIC', given: values.topicsPublic });
  if (typeof values.earningsLimitOptIn === 'boolean' && values.earningsLimitOptIn !== current.earningsLimitOptIn)
    out.push({ consent: 'EARNINGS_LIMIT', given: values.earningsLimitOptIn });
  return out;
}

const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newPseudonym(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `KA-${[...bytes].map((b) => PSEUDONYM_ALPHABET[b % 32]).join('')}`;
}

/**
 * A limit is kept only with the expert's consent: setting one needs the opt-in, and opting out
 * forgets the limit.
 */
function checkEarningsLimit(
  values: Record<string, unknown>,
  current: { earningsLimitOptIn: boolean; earningsLimitCents?: number | null },
): void {
  const optIn = (values.earningsLimitOptIn as boolean | undefined) ?? current.earningsLimitOptIn;
  const limit =
    'earningsLimitCents' in values
      ? (values.earningsLimitCents as number | null)
      : (current.earningsLimitCents ?? null);
  if (!optIn && limit !== null) {
    if ('earningsLimitCents' in values)
      throw new BadUserInputError('input.earningsLimitCents', 'the expert has not opted in (earningsLimitOptIn)');
    values.earningsLimitCents = null;
  }
}
