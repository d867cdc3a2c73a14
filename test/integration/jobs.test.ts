/**
 * Services outside HTTP: a command-line job (closing a payout month, an export, demo data) makes a
 * scope and calls the same service methods as the resolvers, behind the same walls and policies.
 */
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitsDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { DomainError } from '../../src/common/errors';
import { withSystemScope } from '../../src/scope';
import { loadDemoDataOnce, type DemoDataStep } from '../../src/db/demo-data';
import pino from 'pino';

describe('jobs through the services', () => {
  let api: TestApi;
  const at = new Date('2026-06-15T09:00:00Z');
  const lapland = [{ role: 'REGION_ADMIN' as const, regionId: 'lapland' }];
  const unitInput = (regionId: string, name: string) => ({
    regionId,
    name,
    serviceInterfaceId: 'mental-health-services',
    municipality: 'Rovaniemi',
    coordinatorNames: ['Tuuli'],
  });

  beforeAll(async () => {
    api = await bootTestServer({ now: () => at });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a job creates a unit through the unit service, then the API lists it', async () => {
    const unit = await withSystemScope(
      api.server.services,
      { job: 'import-units', grants: lapland, now: () => at },
      (scope) => scope.services.units.create(scope, unitInput('lapland', 'Tuotu yksikkö')),
    );
    expect(unit).toMatchObject({ regionId: 'lapland', name: 'Tuotu yksikkö', createdAt: at });
    const token = await api.token({ sub: 'reader', grants: ['COORDINATOR@lapland'] });
    const listed = await api.request(UnitsDocument, { regionId: 'lapland' }, { token });
    expect(listed.data!.units.map((u) => u.name)).toContain('Tuotu yksikkö');
  });

  it('when a job acts outside its grants, then the declared policy refuses it with a plain domain error and nothing is written', async () => {
    const attempt = withSystemScope(api.server.services, { job: 'import-units', grants: lapland }, (scope) =>
      scope.services.units.create(scope, unitInput('vantaa-kap', 'Väärä alue')),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).not.toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'createUnit requires the role REGION_ADMIN in region vantaa-kap',
    });
    expect(await api.sql(`select 1 from unit where name = 'Väärä alue'`)).toHaveLength(0);
  });

  it('when a job names a row of a region outside its grants, then the region walls hide it (NOT_FOUND)', async () => {
    const [row] = await api.sql<{ id: string }>(
      `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), 'vantaa-kap', 'KAP', 'mental-health-substance', 'Vantaa', '{}', now()) returning id`,
    );
    const error = await withSystemScope(api.server.services, { job: 'rename-units', grants: lapland }, (scope) =>
      scope.services.units.update(scope, row!.id, { name: 'Kaapattu' }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.sql(`select name from unit where id = $1`, [row!.id])).toEqual([{ name: 'KAP' }]);
  });

  it('when demo data loads, then each step acts as the job system:demo-data through the same services, once', async () => {
    const actors: Array<string | null> = [];
    const step: DemoDataStep = async (_em, scope) => {
      actors.push(scope.viewer.id);
      await scope.services.units.create(scope, unitInput('lapland', 'Demoyksikkö'));
    };
    const log = pino({ level: 'silent' });
    expect(await loadDemoDataOnce(api.server.services, [step], log, () => at)).toBe(true);
    expect(await loadDemoDataOnce(api.server.services, [step], log, () => at)).toBe(false);
    expect(actors).toEqual(['system:demo-data']);
    expect(await api.sql(`select region_id from unit where name = 'Demoyksikkö'`)).toEqual([{ region_id: 'lapland' }]);
  });
});
