import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, type TestApi } from '../helpers/boot';

// The GraphQL-over-HTTP specification's own conformance audits, run against the real server.
describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  let api: TestApi;
  let results: AuditResult[];
  beforeAll(async () => {
    api = await bootTestServer();
    results = [];
    for (const audit of serverAudits({ url: api.url })) results.push(await audit.fn());
  });
  afterAll(async () => {
    await api?.close();
  });

  const failures = (status: string) =>
    results
      .filter((result) => result.status === status)
      .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);

  it('when every audit runs, then no requirement (MUST) fails', () => {
    expect(failures('error')).toEqual([]);
  });

  it('when every audit runs, then no recommendation (SHOULD) fails either', () => {
    expect(failures('warn')).toEqual([]);
  });

  it('when every audit runs, then the only optional (MAY) behaviours missing are GET queries without a preflight header', () => {
    // Apollo's CSRF prevention refuses a GET that a plain <img> or link could send; a GET with
    // `apollo-require-preflight: true` (or a JSON content type) runs. Everything else optional is there.
    expect(results.filter((result) => result.status === 'notice').map((result) => result.id)).toEqual([
      '5A70',
      'D6D5',
      '6A70',
    ]);
  });
});
