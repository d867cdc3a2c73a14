import pg from 'pg';

/**
 * A national data set written straight in SQL (multi-row INSERT ... SELECT over generate_series),
 * as the schema owner: at scale 1, 3 regions, 150 units, 5,000 experts with contracts, trainings
 * and topics, 200,000 orders, 1,000,000 sessions with fee lines, and feedback. Every value is a
 * function of the row number (ids are md5 of it), so two runs write the same rows.
 *
 * Row n of every table belongs to region n % 3, and what it points to is in the same region.
 */
export const REGIONS = ['ita-uusimaa', 'vantaa-kap', 'lapland'] as const;
const TASKS: Record<(typeof REGIONS)[number], string[]> = {
  'ita-uusimaa': ['individual-work', 'pair-work', 'group-guidance', 'lecture-training'],
  'vantaa-kap': ['client-meeting', 'lecture-training', 'group-guidance', 'own-story'],
  lapland: ['own-story', 'lecture-training', 'group-guidance', 'event-volunteer'],
};
/** Topics every region offers. */
const TOPICS = ['mental-health', 'addictions', 'close-relative'];
const FIRST_NAMES = [
  'Aino',
  'Eino',
  'Helmi',
  'Väinö',
  'Sofia',
  'Oskari',
  'Linnea',
  'Elias',
  'Ella',
  'Leo',
  'Saga',
  'Johannes',
];
const LAST_NAMES = [
  'Virtanen',
  'Korhonen',
  'Mäkinen',
  'Nieminen',
  'Lindqvist',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Holmberg',
];
/** Sessions are dated from here for two years; the metrics year is 2025. */
const FIRST_DAY = '2025-01-01';
const DAYS = 730;
/** Orders dated before this are closed (DONE or CANCELLED); later ones are still open. */
const OPEN_FROM = '2026-11-01';

export interface DatasetSize {
  units: number;
  experts: number;
  orders: number;
  sessionsPerOrder: number;
}

export function datasetSize(scale: number): DatasetSize {
  const at = (n: number) => Math.max(3, Math.round(n * scale));
  return { units: at(150), experts: at(5_000), orders: at(200_000), sessionsPerOrder: 5 };
}

/** The unit a professional of the bench works in: the first unit of Itä-Uusimaa. */
export const PROFESSIONAL_UNIT_SQL = `md5('unit-0')::uuid`;

const list = (values: readonly string[]) => `array['${values.join("','")}']`;

export async function generateDataset(databaseUrl: string, size: DatasetSize): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const perRegion = (n: number) => Math.floor(n / 3);
  const region = (n: string) => `(${list(REGIONS)})[1 + ${n} % 3]`;
  // The k-th unit or expert of row n's region, k cycling through the region's rows.
  const unitOf = (n: string) => `md5('unit-' || (${n} % 3 + 3 * ((${n} / 3) % ${perRegion(size.units)})))::uuid`;
  const expertOf = (n: string) => `md5('expert-' || (${n} % 3 + 3 * ((${n} / 3) % ${perRegion(size.experts)})))::uuid`;
  const task = (n: string) =>
    `(case ${n} % 3 ${REGIONS.map((r, i) => `when ${i} then (${list(TASKS[r])})[1 + (${n} / 3) % 4]`).join(' ')} end)`;
  const day = (n: string) => `(timestamptz '${FIRST_DAY} 00:00+00' + ((${n} / 3) % ${DAYS}) * interval '1 day')`;
  const counts: Record<string, number> = {};
  const run = async (table: string, sql: string) => {
    const started = Date.now();
    const result = await client.query(sql);
    counts[table] = (counts[table] ?? 0) + (result.rowCount ?? 0);
    if (process.env.BENCH_VERBOSE === 'true')
      console.log(`  ${table}: ${result.rowCount} rows in ${Date.now() - started} ms`);
  };
  try {
    await run(
      'unit',
      `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at)
       select md5('unit-' || g)::uuid, ${region('g')}, 'Yksikkö ' || lpad(g::text, 3, '0'), 'bench', 'Kunta ' || (g % 7),
              '{}', timestamptz '2024-01-01 00:00+00'
         from generate_series(0, ${size.units - 1}) g`,
    );
    await run(
      'expert',
      `insert into expert (id, region_id, status, pseudonym, display_name, email, phone, introduction, topic_ids,
                           topics_public, languages, municipalities, remote, task_type_ids, unit_ids, created_at,
                           status_changed_at)
       select md5('expert-' || g)::uuid, ${region('g')},
              (case when g % 25 = 24 then 'CONTRACTED' else 'ACTIVE' end)::expert_status,
              'KA-B-' || g,
              (${list(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' || (${list(LAST_NAMES)})[1 + (g / 7) % ${LAST_NAMES.length}] || ' ' || g,
              'asiantuntija' || g || '@example.fi', '+358 40 ' || lpad(g::text, 7, '0'), '{}',
              case when g % 2 = 0 then ${list(TOPICS.slice(0, 2))} else ${list(TOPICS.slice(1))} end,
              g % 3 <> 0, case when g % 5 = 0 then array['fi','sv'] else array['fi'] end, array['Kunta ' || (g % 7)],
              g % 4 = 0, array[${task('g')}], array[${unitOf('g')}::text],
              timestamptz '2024-01-01 00:00+00', timestamptz '2024-01-15 00:00+00'
         from generate_series(0, ${size.experts - 1}) g`,
    );
    await run(
      'expert_contract',
      `insert into expert_contract (id, region_id, expert_id, valid_from, valid_to, signed_on, topic_ids, task_type_ids,
                                    created_at)
       select md5('contract-' || g)::uuid, e.region_id, e.id, date '2024-01-01', date '2027-12-31', date '2023-12-15',
              e.topic_ids, e.task_type_ids, timestamptz '2023-12-15 10:00+00'
         from generate_series(0, ${size.experts - 1}) g join expert e on e.id = md5('expert-' || g)::uuid`,
    );
    await run(
      'expert_training',
      `insert into expert_training (id, region_id, expert_id, name, provider, hours, started_on, completed_on)
       select md5('training-' || g || '-' || k)::uuid, e.region_id, e.id,
              case k when 0 then 'Kokemusasiantuntijakoulutus' else 'Täydennyskoulutus' end, 'Kokoa ry',
              case k when 0 then 60 else 12 end, date '2023-01-10' + k * 200, date '2023-06-10' + k * 200
         from generate_series(0, ${size.experts - 1}) g join expert e on e.id = md5('expert-' || g)::uuid,
              generate_series(0, 1) k`,
    );
    // Orders before OPEN_FROM are closed: every 20th cancelled, the rest done; later ones open.
    const status = `(case when ${day('g')} >= timestamptz '${OPEN_FROM}' then (array['REQUESTED','OFFERED','ACCEPTED'])[1 + g % 3]
                          when g % 20 = 0 then 'CANCELLED' else 'DONE' end)`;
    await run(
      'work_order',
      `insert into work_order (id, region_id, status, kind, unit_id, task_type_id, topic_ids, title, language, remote,
                               experts_needed, preparation_minutes, agreed_fee, debriefing_offered, ordered_by_id,
                               ordered_by_role, created_at, cancelled_at, closed_at)
       select md5('order-' || g)::uuid, ${region('g')}, s::order_status, 'SINGLE', ${unitOf('g')}, ${task('g')},
              array['${TOPICS[0]}'], 'Tilaus ' || g, 'fi', g % 4 = 0, 1, 30, '{}', true, 'bench-professional',
              'PROFESSIONAL', ${day('g')} - interval '10 days' + (g % 3) * interval '1 second',
              case when s = 'CANCELLED' then ${day('g')} - interval '5 days' end,
              case when s in ('DONE', 'CANCELLED') then ${day('g')} + interval '10 days' end
         from generate_series(0, ${size.orders - 1}) g, lateral (select ${status} as s) st`,
    );
    // One offer per order past REQUESTED: accepted, or still open for OFFERED.
    await run(
      'order_offer',
      `insert into order_offer (id, region_id, order_id, expert_id, status, offered_by_id, offered_by_role, offered_at,
                                respond_by, responded_at)
       select md5('offer-' || g)::uuid, o.region_id, o.id, ${expertOf('g')},
              (case when o.status = 'OFFERED' then 'OFFERED' else 'ACCEPTED' end)::offer_status,
              'bench-coordinator', 'COORDINATOR', o.created_at + interval '1 hour', null,
              case when o.status <> 'OFFERED' then o.created_at + (1 + g % 72) * interval '1 hour' end
         from generate_series(0, ${size.orders - 1}) g join work_order o on o.id = md5('order-' || g)::uuid
        where o.status <> 'REQUESTED'`,
    );
    // Sessions two days apart from the order's day; done (every 10th a no-show), cancelled or scheduled.
    await run(
      'order_session',
      `insert into order_session (id, region_id, order_id, kind, starts_at, ends_at, status, cancellation_deadline,
                                  cancelled_at, cancellation_class, outcome, worked_minutes, outcome_recorded_at)
       select md5('session-' || g || '-' || k)::uuid, o.region_id, o.id, 'MEETING',
              ${day('g')} + interval '8 hours' + k * interval '2 days', ${day('g')} + interval '9 hours 30 minutes' + k * interval '2 days',
              (case o.status when 'DONE' then 'DONE' when 'CANCELLED' then 'CANCELLED' else 'SCHEDULED' end)::session_status,
              ${day('g')} - interval '11 hours' + k * interval '2 days',
              o.cancelled_at, case when o.status = 'CANCELLED' then (case when g % 40 = 0 then 'LATE' else 'EARLY' end) end,
              (case when o.status <> 'DONE' then null when (g + k) % 10 = 0 then 'CLIENT_NO_SHOW' else 'COMPLETED' end)::session_outcome,
              case when o.status = 'DONE' and (g + k) % 10 <> 0 then 90 end,
              case when o.status = 'DONE' then ${day('g')} + interval '12 hours' + k * interval '2 days' end
         from generate_series(0, ${size.orders - 1}) g join work_order o on o.id = md5('order-' || g)::uuid,
              generate_series(0, ${size.sessionsPerOrder - 1}) k`,
    );
    await run(
      'fee_line',
      `insert into fee_line (id, region_id, expert_id, order_id, session_id, payer_key, unit_id, work_month, period_month,
                             category, minutes, hourly_rate_cents, amount_cents, tax_class, tax_class_is_default, rule,
                             created_at)
       select md5('fee-' || s.id)::uuid, s.region_id, f.expert_id, s.order_id, s.id, o.unit_id::text, o.unit_id,
              to_char(s.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM'),
              to_char(s.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM'),
              'client-meeting', 90, 3000, 4500, 'WORK_COMPENSATION', true, 'WORKED', s.outcome_recorded_at
         from order_session s join work_order o on o.id = s.order_id
              join order_offer f on f.order_id = s.order_id and f.status = 'ACCEPTED'
        where s.status = 'DONE'`,
    );
    await run(
      'feedback_response',
      `insert into feedback_response (id, region_id, order_id, respondent, answers, submitted_by, submitted_at)
       select md5('feedback-' || g || '-' || r)::uuid, o.region_id, o.id,
              (array['EXPERT','PROFESSIONAL','CLIENT'])[1 + r]::feedback_respondent,
              jsonb_build_array(jsonb_build_object('questionId', 'q', 'scale', 1 + (g + r) % 5)),
              case when r = 2 then null else 'bench-' || g end, o.closed_at
         from generate_series(0, ${size.orders - 1}, 2) g join work_order o on o.id = md5('order-' || g)::uuid,
              generate_series(0, 2) r
        where o.status = 'DONE'`,
    );
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return counts;
}
