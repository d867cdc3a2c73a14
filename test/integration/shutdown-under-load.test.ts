/**
 * SIGTERM under load, as a process manager or an orchestrator sends it during a deploy: the
 * server process runs as `npm start` runs it, clients keep sending requests, some of them wait
 * on the database, and the signal arrives in the middle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OrderIdsDocument, ViewerDocument } from '../generated/graphql';
import { APP_ROLE, withDatabase } from '../../src/db/database';
import { portForChild } from '../helpers/ports';
import { bootTestServer, TEST_DEV_SECRET, type TestApi } from '../helpers/boot';

const ROOT = path.resolve(__dirname, '..', '..');
const ITA = 'ita-uusimaa';

let api: TestApi;
let child: ChildProcess;
let output = '';
let port: number;
let dataDir: string;
let coordinator: string;

interface Answer {
  sentAt: number;
  /** `refused`: no connection was made (the server no longer listens); `cut`: a response was begun but not finished. */
  outcome: 'complete' | 'refused' | 'cut';
  status?: number;
  body?: string;
}

/** One request on a connection of its own, so that each connection's fate is known. */
function post<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<Answer> {
  const sentAt = Date.now();
  const payload = JSON.stringify({ query: print(document), variables });
  return new Promise((resolve) => {
    let responded = false;
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${coordinator}`,
        },
      },
      (response) => {
        responded = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            sentAt,
            outcome: response.complete ? 'complete' : 'cut',
            status: response.statusCode,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', () => resolve({ sentAt, outcome: 'cut', status: response.statusCode }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ sentAt, outcome: responded || error.code !== 'ECONNREFUSED' ? 'cut' : 'refused', body: error.code }),
    );
    request.end(payload);
  });
}

function exited(process: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (process.exitCode !== null || process.signalCode !== null)
    return Promise.resolve({ code: process.exitCode, signal: process.signalCode });
  return new Promise((resolve) => process.once('exit', (code, signal) => resolve({ code, signal })));
}

beforeAll(async () => {
  // A database of this file's own; the server under test is a second instance on it, in a process of its own.
  api = await bootTestServer();
  coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
  const ownerUrl = withDatabase(inject('maintenanceUrl'), api.database);
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = inject('appRolePassword');
  port = await portForChild();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kokemuspankki-sigterm-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: ownerUrl,
      ...(inject('appRolePassword') ? { DATABASE_APP_URL: appUrl.toString() } : {}),
      AUTH_DEV_SECRET: TEST_DEV_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 50_000;
  while (!output.includes('Kokemuspankki API ready at')) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGTERM under load', () => {
  it('when the server gets SIGTERM while clients send requests and some wait on the database, then every request it accepted gets a complete answer, later ones are refused, and it exits with code 0', async () => {
    // Requests that will be in flight when the signal comes: the order list waits behind this lock.
    const blocker = new pg.Client({ connectionString: withDatabase(inject('maintenanceUrl'), api.database) });
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table work_order in access exclusive mode');
    const slow = Array.from({ length: 4 }, () => post(OrderIdsDocument, { regionId: ITA, first: 5 }));

    let loading = true;
    const answers: Answer[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      while (loading) {
        const answer = await post(ViewerDocument, {});
        answers.push(answer);
        if (answer.outcome === 'refused') await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    // The slow requests are still waiting; the database lets them go a second later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await blocker.query('commit');
    await blocker.end();
    const { code } = await exited(child);
    const exitedAfterMs = Date.now() - signalledAt;
    loading = false;
    await Promise.all(clients);

    expect(code, output).toBe(0);
    expect(exitedAfterMs).toBeLessThan(10_000);
    // Accepted before the signal, finished after it, complete and successful.
    for (const answer of await Promise.all(slow)) {
      expect(answer).toMatchObject({ outcome: 'complete', status: 200 });
      expect(JSON.parse(answer.body!)).toMatchObject({ data: { orders: { nodes: [] } } });
    }
    // Every request the server read was answered in full (it logs each one it answers).
    const complete = answers.filter((a) => a.outcome === 'complete');
    const served = output.split('\n').filter((line) => line.includes('graphql request')).length;
    expect(served).toBe(complete.length + slow.length);
    expect(complete.filter((a) => a.status !== 200 || a.body!.includes('"errors"'))).toEqual([]);
    expect(complete.length).toBeGreaterThan(8);
    // Sent well before the signal means answered; well after it, refused. Only a connection that
    // the system accepted as the listener closed, before the server read it, is reset.
    const around = (a: Answer) => Math.abs(a.sentAt - signalledAt) <= 100;
    expect(answers.filter((a) => a.sentAt < signalledAt && !around(a) && a.outcome !== 'complete')).toEqual([]);
    expect(answers.filter((a) => a.sentAt > signalledAt && !around(a) && a.outcome !== 'refused')).toEqual([]);
    expect(answers.filter((a) => a.outcome === 'cut' && !around(a))).toEqual([]);
  }, 40_000);

  it('when a connection was accepted just before the stop and its request arrives a moment later, then that request is answered in full', async () => {
    const url = new URL(api.url);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => undefined);

    const stopped = api.server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const body = JSON.stringify({ query: '{ regions { id } }' });
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await closed;
    await stopped;

    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    // The server says it closes the connection after the answer, so the client does not reuse it.
    expect(received.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toMatchObject({
      data: { regions: expect.arrayContaining([{ id: 'lapland' }]) as unknown },
    });
  });
});
