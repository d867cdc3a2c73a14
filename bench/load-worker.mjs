import { parentPort, workerData } from 'node:worker_threads';

/**
 * Sends one scenario from `concurrency` clients until the deadline. It runs in a worker thread
 * beside the server, so that the client does not compete with the server's event loop.
 */
async function run(job) {
  const headers = {
    'content-type': 'application/json',
    ...(job.token ? { authorization: `Bearer ${job.token}` } : {}),
  };
  const latencies = [];
  let statements = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + job.durationMs;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const response = await fetch(job.url, { method: 'POST', headers, body: job.body });
        const json = await response.json();
        latencies.push(performance.now() - t0);
        statements = Number(response.headers.get('x-sql-statements'));
        if (response.status !== 200 || json.errors) errors += 1;
      }
    }),
  );
  parentPort.postMessage({ latencies, statements, errors, seconds: (performance.now() - started) / 1000 });
}

void run(workerData);
