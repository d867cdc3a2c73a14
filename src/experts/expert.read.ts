import { readRows, rowLimit, SqlParams } from '../db/read-sql';
import { reviveInstants, shapeJson, type RowShape } from '../db/row-shape';
import type { RequestScope } from '../scope';
import type { Introduction, InterviewRecord } from './expert.entity';
import type { ExpertStatus } from './rules/expert-lifecycle';

/**
 * What the read side knows of an expert: the columns of the row as plain values. An Expert entity
 * has the same shape, so services and resolvers that read take either.
 */
export interface ExpertRow {
  id: string;
  regionId: string;
  status: ExpertStatus;
  pseudonym: string;
  accountId?: string | null;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  introduction: Introduction;
  topicIds: string[];
  topicsPublic: boolean;
  earningsLimitOptIn: boolean;
  earningsLimitCents?: number | null;
  languages: string[];
  municipalities: string[];
  remote: boolean;
  taskTypeIds: string[];
  unitIds: string[];
  interview?: InterviewRecord | null;
  createdAt: Date;
  statusChangedAt: Date;
  erasedAt?: Date | null;
  version: number;
}

export interface ContractRow {
  id: string;
  validFrom: string;
  validTo: string;
  signedOn: string;
  training?: string | null;
  earlierExperience?: string | null;
  topicIds: string[];
  wishes?: string | null;
  taskTypeIds: string[];
}

export interface TrainingRow {
  id: string;
  name: string;
  provider: string;
  hours: number;
  startedOn?: string | null;
  completedOn: string;
}

export interface UnitRow {
  id: string;
  regionId: string;
  name: string;
  municipality: string;
  coordinatorNames: string[];
  instructionsForExperts?: string | null;
}

/** A page row with what the page statement brought along for the loaders. */
export interface ExpertPageRow {
  expert: ExpertRow;
  contracts: ContractRow[];
  trainings: TrainingRow[];
  units: UnitRow[];
}

const EXPERT: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['status', 'status'],
    ['pseudonym', 'pseudonym'],
    ['accountId', 'account_id'],
    ['displayName', 'display_name'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['introduction', 'introduction'],
    ['topicIds', 'topic_ids'],
    ['topicsPublic', 'topics_public'],
    ['earningsLimitOptIn', 'earnings_limit_opt_in'],
    ['earningsLimitCents', 'earnings_limit_cents'],
    ['languages', 'languages'],
    ['municipalities', 'municipalities'],
    ['remote', 'remote'],
    ['taskTypeIds', 'task_type_ids'],
    ['unitIds', 'unit_ids'],
    ['interview', 'interview'],
    ['createdAt', 'created_at'],
    ['statusChangedAt', 'status_changed_at'],
    ['erasedAt', 'erased_at'],
    ['version', 'version'],
  ],
  instants: ['createdAt', 'statusChangedAt', 'erasedAt'],
};

const CONTRACTS_JSON = `coalesce((select json_agg(json_build_object('id', c.id, 'validFrom', c.valid_from,
  'validTo', c.valid_to, 'signedOn', c.signed_on, 'training', c.training, 'earlierExperience', c.earlier_experience,
  'topicIds', c.topic_ids, 'wishes', c.wishes, 'taskTypeIds', c.task_type_ids) order by c.valid_from, c.id)
  from expert_contract c where c.expert_id = e.id), '[]')`;

const TRAININGS_JSON = `coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'provider', t.provider,
  'hours', t.hours, 'startedOn', t.started_on, 'completedOn', t.completed_on) order by t.completed_on, t.id)
  from expert_training t where t.expert_id = e.id), '[]')`;

const UNITS_JSON = `coalesce((select json_agg(json_build_object('id', u.id, 'regionId', u.region_id, 'name', u.name,
  'municipality', u.municipality, 'coordinatorNames', u.coordinator_names,
  'instructionsForExperts', u.instructions_for_experts))
  from unit u where u.id = any(e.unit_ids::uuid[])), '[]')`;

/** What of the experts' records a page needs besides the rows themselves. */
export interface PageExtras {
  contracts: boolean;
  trainings: boolean;
  units: boolean;
  /** Counts the rows matching `where` (all pages) in the same statement. */
  totalCount: boolean;
}

/**
 * One page of experts in (display name, id) order, each as JSON with its contracts, trainings and
 * units assembled in PostgreSQL, and the total when asked: one statement whatever the page size.
 * `where` is a condition on `e` whose values are already in `params`.
 */
export async function readExpertPage(
  ctx: RequestScope,
  params: SqlParams,
  where: string,
  after: { key: string; id: string } | null,
  limit: number,
  extras: PageExtras,
): Promise<{ rows: ExpertPageRow[]; totalCount: number | null }> {
  const columns = [
    `${shapeJson('e', EXPERT)} as expert`,
    extras.contracts ? `${CONTRACTS_JSON} as contracts` : null,
    extras.trainings ? `${TRAININGS_JSON} as trainings` : null,
    extras.units ? `${UNITS_JSON} as units` : null,
    extras.totalCount ? `(select count(*)::int from expert e where ${where}) as "totalCount"` : null,
  ].filter(Boolean);
  // The count repeats the condition: its placeholders are bound a second time.
  const values = extras.totalCount ? [...params.values, ...params.values] : [...params.values];
  let position = '';
  if (after) {
    // The first condition is implied by the second; it lets an index range scan start at the cursor.
    position = ` and e.display_name >= ? and (e.display_name > ? or (e.display_name = ? and e.id > ?))`;
    values.push(after.key, after.key, after.key, after.id);
  }
  const sql = `select ${columns.join(',\n')} from expert e where ${where}${position}
    order by e.display_name, e.id ${rowLimit(limit + 1)}`;
  const raw = await readRows<
    { expert: Record<string, unknown> } & Partial<Omit<ExpertPageRow, 'expert'>> & { totalCount?: number }
  >(ctx.em, sql, values);
  const totalCount = extras.totalCount ? (raw[0]?.totalCount ?? (after ? null : 0)) : null;
  const rows = raw.map(({ expert, contracts, trainings, units }) => ({
    expert: reviveInstants<ExpertRow>(EXPERT, expert),
    contracts: contracts ?? [],
    trainings: trainings ?? [],
    units: units ?? [],
  }));
  return { rows, totalCount };
}
