import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import pg from 'pg';
import { signDevToken } from '../src/auth/tokens';
import { createLogger } from '../src/common/logger';
import { loadEnv } from '../src/config/env';
import { startScratchServer } from '../src/db/scratch-database';
import { startServer } from '../src/server';
import { refreshMetricsRollup } from '../src/metrics/rollup';
import { MetricsDocument } from '../test/generated/graphql';

/**
 * `npm run bench:metrics`: a year of analyst aggregates over generated data at national scale.
 * Generates SESSIONS sessions (default 1,000,000) over the three regions with orders, accepted
 * offers, fee lines and feedback, written straight in SQL as the schema owner, then times the
 * `metrics` query grouped by MONTH × TASK_TYPE with every measure, as a national analyst, over
 * HTTP: first on the live tables (the generated months are marked as changed), then from the
 * rollup once a refresh has rebuilt them, with the time the refresh took.
 */
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** The live statement takes seconds at national scale; fewer runs of it say as much. */
const LIVE_RUNS = Number(process.env.BENCH_LIVE_RUNS ?? 3);
const SECRET = 'bench-secret-for-development-tokens-only-0123456789';
const REGIONS = ['ita-uusimaa', 'vantaa-kap', 'lapland'];
const TASKS: Record<string, string[]> = {
  'ita-uusimaa': ['individual-work', 'pair-work', 'group-guidance', 'lecture-training'],
  'vantaa-kap': ['client-meeting', 'lecture-training', 'group-guidance', 'own-story'],
  lapland: ['own-story', 'lecture-training', 'group-guidance', 'event-volunteer'],
};

async function generate(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const orders = Math.ceil(SESSIONS / 4);
  const region = `(array['${REGIONS.join("','")}'])[1 + g % 3]`;
  const task = `(case g % 3 ${REGIONS.map((r, i) => `when ${i} then (array['${TASKS[r]!.join("','")}'])[1 + (g / 3) % 4]`).join(' ')} end)`;
  const started = Date.now();
  await client.query(`
    insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at)
    select md5('unit-' || g)::uuid, ${region}, 'Yksikkö ' || g, 'bench', 'Kunta', '{}', now()
      from generate_series(0, 29) g`);
  await client.query(`
    insert into expert (id, region_id, status, pseudonym, display_name, introduction, topic_ids, topics_public,
                        languages, municipalities, task_type_ids, unit_ids, created_at, status_changed_at)
    select md5('expert-' || g)::uuid, ${region}, 'ACTIVE', 'KA-BENCH-' || g, 'Asiantuntija ' || g, '{}',
           '{mental-health}', true, '{fi}', '{}', '{}', '{}', now(), now()
      from generate_series(0, 899) g`);
  await client.query(`
    insert into work_order (id, region_id, status, kind, unit_id, task_type_id, topic_ids, title, language, remote,
                            experts_needed, preparation_minutes, agreed_fee, debriefing_offered, ordered_by_id,
                            ordered_by_role, created_at, closed_at)
    select md5('order-' || g)::uuid, ${region}, 'DONE', 'SINGLE', md5('unit-' || (g % 30))::uuid, ${task},
           '{mental-health}', 'Tilaus', 'fi', false, 1, 0, '{}', true, 'bench', 'PROFESSIONAL',
           timestamptz '2025-01-01' + (g % 700) * interval '1 day', now()
      from generate_series(0, ${orders - 1}) g`);
  await client.query(`
    insert into order_offer (id, region_id, order_id, expert_id, status, offered_by_id, offered_by_role, offered_at,
                             respond_by, responded_at)
    select md5('offer-' || g)::uuid, o.region_id, o.id, md5('expert-' || ((g % 300) * 3 + g % 3))::uuid, 'ACCEPTED',
           'bench', 'COORDINATOR', o.created_at, null, o.created_at + ((g % 72) * interval '1 hour')
      from (select g, md5('order-' || g)::uuid as id, ${region} as region_id,
                   timestamptz '2025-01-01' + (g % 700) * interval '1 day' as created_at
              from generate_series(0, ${orders - 1}) g) o`);
  await client.query(`
    insert into order_session (id, region_id, order_id, kind, starts_at, ends_at, status, cancellation_deadline,
                               cancellation_class, outcome, worked_minutes)
    select md5('session-' || s)::uuid, (array['${REGIONS.join("','")}'])[1 + (s / 4) % 3], md5('order-' || (s / 4))::uuid,
           'MEETING', timestamptz '2025-01-02 08:00+00' + ((s / 4) % 700) * interval '1 day' + (s % 4) * interval '7 days',
           timestamptz '2025-01-02 09:30+00' + ((s / 4) % 700) * interval '1 day' + (s % 4) * interval '7 days',
           case when s % 10 = 0 then 'CANCELLED' else 'DONE' end::session_status,
           timestamptz '2025-01-01 13:00+00' + ((s / 4) % 700) * interval '1 day',
           case when s % 10 = 0 then 'LATE' end,
           case when s % 10 = 0 then null when s % 10 = 1 then 'CLIENT_NO_SHOW' else 'COMPLETED' end::session_outcome,
           case when s % 10 > 1 then 90 end
      from generate_series(0, ${SESSIONS - 1}) s`);
  await client.query(`
    insert into fee_line (id, region_id, expert_id, order_id, session_id, payer_key, unit_id, work_month, period_month,
                          category, minutes, hourly_rate_cents, amount_cents, tax_class, tax_class_is_default, rule, created_at)
    select gen_random_uuid(), s.region_id, f.expert_id, s.order_id, s.id, o.unit_id::text, o.unit_id,
           to_char(s.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM'), to_char(s.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM'),
           'client-meeting', 90, 3000, 4500, 'WORK_COMPENSATION', true, 'WORKED', now()
      from order_session s join work_order o on o.id = s.order_id join order_offer f on f.order_id = s.order_id
     where s.status = 'DONE'`);
  await client.query(`
    insert into feedback_response (id, region_id, order_id, respondent, answers, submitted_by, submitted_at)
    select gen_random_uuid(), o.region_id, o.id, (array['EXPERT','PROFESSIONAL','CLIENT'])[1 + g % 3]::feedback_respondent,
           jsonb_build_array(jsonb_build_object('questionId', 'q', 'scale', 1 + g % 5)), case when g % 3 = 2 then null else 'bench-' || g end, now()
      from generate_series(0, ${orders - 1}, 3) g join work_order o on o.id = md5('order-' || g)::uuid`);
  await client.query('analyze');
  await client.end();
  console.log(`generated ${SESSIONS} sessions, ${orders} orders in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main(): Promise<void> {
  const scratch = await startScratchServer();
  const databaseUrl = await scratch.createDatabase('kp_bench_metrics');
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_DEV_SECRET: SECRET,
    DATA_DIR: path.join(os.tmpdir(), 'kokemuspankki-bench'),
    // The refresh runs where the bench says, not on the server's timer.
    METRICS_ROLLUP_INTERVAL_SECONDS: '86400',
  });
  const log = createLogger({ level: 'warn', pretty: false });
  const server = await startServer({ env, log, databaseUrl, port: 0, host: '127.0.0.1', loadDemoData: false });
  try {
    await generate(databaseUrl);
    const token = await signDevToken(new TextEncoder().encode(SECRET), {
      sub: 'bench-analyst',
      grants: [{ role: 'NATIONAL_ANALYST', regionId: 'lapland' }],
    });
    const body = JSON.stringify({
      query: print(MetricsDocument),
      variables: {
        input: {
          regionIds: REGIONS,
          from: '2025-01-01',
          to: '2025-12-31',
          groupBy: ['MONTH', 'TASK_TYPE'],
          measures: [
            'ORDERS',
            'SESSIONS_COMPLETED',
            'MINUTES_WORKED',
            'FEES_CENTS',
            'FEES_SALARY_CENTS',
            'FEES_WORK_COMPENSATION_CENTS',
            'LATE_CANCELLATIONS',
            'NO_SHOWS',
            'OFFER_ACCEPTANCE_RATE',
            'MEDIAN_HOURS_TO_MATCH',
            'DISTINCT_EXPERTS',
            'FEEDBACK_AVERAGE_EXPERT',
            'FEEDBACK_AVERAGE_CLIENT',
            'FEEDBACK_AVERAGE_PROFESSIONAL',
          ],
        },
      },
    });
    const once = async (): Promise<{ ms: number; rows: number; source: string }> => {
      const started = performance.now();
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await response.json()) as {
        data?: { metrics: { rows: unknown[]; source: string } };
        errors?: unknown;
      };
      if (!json.data) throw new Error(JSON.stringify(json.errors));
      return { ms: performance.now() - started, rows: json.data.metrics.rows.length, source: json.data.metrics.source };
    };
    const measure = async (expected: string, runs: number): Promise<void> => {
      await once();
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const r = await once();
        if (r.source !== expected) throw new Error(`expected a ${expected} answer, got ${r.source}`);
        times.push(r.ms);
        rows = r.rows;
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(0);
      console.log(
        `metrics from ${expected}, one year by MONTH x TASK_TYPE, every measure, ${SESSIONS} sessions, ${rows} rows, ${runs} runs one at a time: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${os.cpus().length} cores)`,
      );
    };
    // At national scale the live statement may pass the server's 15 s statement timeout: that is a result too.
    await measure('LIVE', LIVE_RUNS).catch((error: unknown) =>
      console.log(
        `metrics from LIVE failed: ${String(error).includes('statement timeout') ? 'statement timeout (15 s)' : String(error)}`,
      ),
    );
    const refreshStarted = performance.now();
    const months = await refreshMetricsRollup(server.services);
    console.log(
      `rollup refresh: ${months} region-months rebuilt in ${((performance.now() - refreshStarted) / 1000).toFixed(1)} s`,
    );
    await measure('ROLLUP', RUNS);
  } finally {
    await server.stop();
    await scratch.dropDatabase(databaseUrl);
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
