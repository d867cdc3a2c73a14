import { readRows, rowLimit, SqlParams } from '../db/read-sql';
import { fromTuple, shapeColumns, shapeTuple, type RowShape } from '../db/row-shape';
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

const CONTRACT: RowShape = {
  fields: [
    ['id', 'id'],
    ['validFrom', 'valid_from'],
    ['validTo', 'valid_to'],
    ['signedOn', 'signed_on'],
    ['training', 'training'],
    ['earlierExperience', 'earlier_experience'],
    ['topicIds', 'topic_ids'],
    ['wishes', 'wishes'],
    ['taskTypeIds', 'task_type_ids'],
  ],
  instants: [],
};

const TRAINING: RowShape = {
  fields: [
    ['id', 'id'],
    ['name', 'name'],
    ['provider', 'provider'],
    ['hours', 'hours'],
    ['startedOn', 'started_on'],
    ['completedOn', 'completed_on'],
  ],
  instants: [],
};

const UNIT: RowShape = {
  fields: [
    ['id', 'id'],
    ['regionId', 'region_id'],
    ['name', 'name'],
    ['municipality', 'municipality'],
    ['coordinatorNames', 'coordinator_names'],
    ['instructionsForExperts', 'instructions_for_experts'],
  ],
  instants: [],
};

/** The columns of a contract, a training and a unit, for the loaders that read them on their own. */
export const CONTRACT_COLUMNS = shapeColumns('c', CONTRACT, ['validFrom', 'validTo', 'signedOn']);
export const TRAINING_COLUMNS = shapeColumns('t', TRAINING, ['startedOn', 'completedOn']);
export const UNIT_COLUMNS = shapeColumns('u', UNIT);

const EXPERT_TUPLE = shapeTuple('e', EXPERT);

const CONTRACTS = `coalesce((select json_agg(${shapeTuple('c', CONTRACT)} order by c.valid_from, c.id)
  from expert_contract c where c.expert_id = e.id), '[]')`;

const TRAININGS = `coalesce((select json_agg(${shapeTuple('t', TRAINING)} order by t.completed_on, t.id)
  from expert_training t where t.expert_id = e.id), '[]')`;

const UNITS = `coalesce((select json_agg(${shapeTuple('u', UNIT)})
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
 * One page of experts in (display name, id) order, each as a JSON array with its contracts,
 * trainings and units assembled in PostgreSQL, and the total when asked: one statement whatever
 * the page size. `where` is a condition on `e` whose values are already in `params`.
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
    `${EXPERT_TUPLE} as expert`,
    extras.contracts ? `${CONTRACTS} as contracts` : null,
    extras.trainings ? `${TRAININGS} as trainings` : null,
    extras.units ? `${UNITS} as units` : null,
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
  const raw = await readRows<{
    expert: unknown[];
    contracts?: unknown[][];
    trainings?: unknown[][];
    units?: unknown[][];
    totalCount?: number;
  }>(ctx.em, sql, values);
  const totalCount = extras.totalCount ? (raw[0]?.totalCount ?? (after ? null : 0)) : null;
  const rows = raw.map(({ expert, contracts, trainings, units }) => ({
    expert: fromTuple<ExpertRow>(EXPERT, expert),
    contracts: contracts ? contracts.map((c) => fromTuple<ContractRow>(CONTRACT, c)) : [],
    trainings: trainings ? trainings.map((t) => fromTuple<TrainingRow>(TRAINING, t)) : [],
    units: units ? units.map((u) => fromTuple<UnitRow>(UNIT, u)) : [],
  }));
  return { rows, totalCount };
}
