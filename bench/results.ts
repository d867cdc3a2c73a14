import fs from 'node:fs';
import prettier from 'prettier';

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  /** Non-2xx, connection errors, timeouts and bodies other than the first answer's. */
  failures: number;
  /** Bytes of the response body. */
  bytes: number;
  valid: boolean;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export interface Figures {
  date: Date;
  commit: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; postgres: string; loadAverage: string };
  settings: { scale: number; runs: number; seconds: number; warmupSeconds: number; connections: number };
  dataset: { counts: Record<string, number>; seconds: number };
  /** `ratio`: the median over the runs of req/s over the baseline's run beside it. */
  platform: (Measured & { scenario: string; concurrency: number; ratio?: number })[];
  /** Measured run for run beside the platform at `concurrency`. */
  baseline: (Measured & { scenario: string; concurrency: number })[];
  statements: { scenario: string; byFirst: Record<number, number | undefined> }[];
  mismatches: string[];
  goals: Goal[];
  totalSeconds: number;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');

/** bench/RESULTS.md: what was run where, the figures, and each goal of the issue met or not. */
export async function writeResults(file: string, f: Figures): Promise<void> {
  const row = (name: string, m: Measured, ratio?: string) =>
    `| ${name} | ${n(m.requestsPerSecond)} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.non2xx} | ${n(m.bytes)} | ${ratio ?? ''} | ${m.valid ? 'valid' : '**invalid**'} |`;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); run it again to replace this file.',
    '',
    `- Date: ${f.date.toISOString()}`,
    `- Commit: ${f.commit}`,
    `- Machine: ${f.machine.cores} cores (${f.machine.cpu}), ${f.machine.memoryGb} GB, Node ${f.machine.node}, PostgreSQL ${f.machine.postgres}; load average at the end ${f.machine.loadAverage}`,
    `- Load: autocannon, ${f.settings.connections} connections, ${f.settings.runs} runs of ${f.settings.seconds} s after a ${f.settings.warmupSeconds} s warm-up; medians of the runs. Client, server, baseline and PostgreSQL share the machine.`,
    `- Data (BENCH_SCALE=${f.settings.scale}), generated in ${f.dataset.seconds.toFixed(0)} s: ${Object.entries(
      f.dataset.counts,
    )
      .map(([table, count]) => `${table} ${n(count)}`)
      .join(', ')}`,
    `- Whole run: ${(f.totalSeconds / 60).toFixed(1)} min`,
    '',
    'The machine may be shared with other work while the bench runs, which lowers every figure alike;',
    'the ratios to the baseline, measured in the same run, say more than the absolute numbers.',
    '',
    '## Goals',
    '',
    '| goal | measured | |',
    '| --- | --- | --- |',
    ...f.goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'met' : '**not met**'} |`),
    '',
    '## Requests',
    '',
    'Production build (`NODE_ENV=production`), started as `npm run start:prod` starts it (with its Node flags).',
    'Latencies in ms; bytes of the response body; ratio to the baseline (bench/baseline.mjs:',
    'node:http + pg, one hand-written statement with json_agg, the same body byte for byte), which',
    'runs in turn with the platform, run for run, so that both meet the same moments of a shared',
    "machine: the ratio is the median of the runs' ratios. A run with a non-2xx answer, a connection",
    'error, a timeout or a body other than the first answer is invalid.',
    '',
    '| request | req/s | p50 | p95 | p99 | non-2xx | bytes | ratio | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...f.platform.flatMap((m) => {
      const b = f.baseline.find((x) => x.scenario === m.scenario && x.concurrency === m.concurrency);
      const ours = row(
        `${m.scenario}, WEB_CONCURRENCY=${m.concurrency}`,
        m,
        m.ratio === undefined ? undefined : `${m.ratio.toFixed(2)}x`,
      );
      return b ? [ours, row(`baseline: ${b.scenario}, beside it`, b)] : [ours];
    }),
    '',
    f.mismatches.length
      ? `Bodies that differ from the baseline's: ${f.mismatches.join('; ')}`
      : "The baseline's bodies equal the platform's byte for byte.",
    '',
    '## SQL statements per request',
    '',
    'Counted by a development run of the same build (the `x-sql-statements` header, which counts',
    'every statement the driver sends, transaction control and the RLS setting included).',
    '',
    '| list | first 5 | first 20 | first 100 |',
    '| --- | --- | --- | --- |',
    ...f.statements.map((s) => `| ${s.scenario} | ${[5, 20, 100].map((k) => s.byFirst[k] ?? '?').join(' | ')} |`),
    '',
  ];
  // Formatted as the repository's own Markdown, so that the committed file passes the format check.
  fs.writeFileSync(
    file,
    await prettier.format(lines.join('\n'), { ...(await prettier.resolveConfig(file)), filepath: file }),
  );
}
