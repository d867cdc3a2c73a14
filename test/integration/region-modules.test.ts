import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { RegionRulesDocument, RegionsDocument } from '../generated/graphql';
import { bootTestServer, discoveredRegionIds, type TestApi } from '../helpers/boot';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '../..');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const temporaryDirs: string[] = [];

/** A copy of regions/ in a temporary directory, so tests can add or break modules. */
function copyOfRegions(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-regions-'));
  temporaryDirs.push(dir);
  const target = path.join(dir, 'regions');
  fs.cpSync(path.join(projectRoot, 'regions'), target, { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  return target;
}

afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a new region needs no change in src/', () => {
  let api: TestApi | undefined;
  afterAll(async () => {
    await api?.close();
  });

  it("when a region folder is copied under a new id, then the API serves one region more, with the new one's rules", async () => {
    const regions = copyOfRegions();
    const kainuu = path.join(regions, 'kainuu');
    fs.cpSync(path.join(regions, 'lapland'), kainuu, { recursive: true });
    const index = path.join(kainuu, 'index.ts');
    const source = fs.readFileSync(index, 'utf8');
    expect(source).toContain("id: 'lapland'");
    fs.writeFileSync(index, source.replace("id: 'lapland'", "id: 'kainuu'"));

    api = await bootTestServer({ env: { REGIONS_DIR: regions } });
    const listed = await api.request(RegionsDocument, {});
    expect(listed.data!.regions.map((r) => r.id).sort()).toEqual([...(await discoveredRegionIds()), 'kainuu'].sort());
    const rules = await api.request(RegionRulesDocument, { id: 'kainuu' });
    expect(rules.data!.region!.cancellationPolicy.hoursBefore).toBe(48);
    const rows = await api.sql<{ id: string }>("select id from region where id = 'kainuu'");
    expect(rows).toEqual([{ id: 'kainuu' }]);
  });
});

describe('a broken module stops the start', () => {
  /** regions/lapland whose fourth fee row has a negative rate. */
  function brokenLapland(): string {
    const regions = copyOfRegions();
    const dir = path.join(regions, 'lapland');
    fs.renameSync(path.join(dir, 'index.ts'), path.join(dir, 'valid.ts'));
    fs.writeFileSync(
      path.join(dir, 'index.ts'),
      `import valid from './valid';
const rows = valid.feeTable.rows.map((row, i) => (i === 3 ? { ...row, hourlyRateCents: -5 } : row));
export default { ...valid, feeTable: { ...valid.feeTable, rows } };
`,
    );
    return regions;
  }

  it('when the server starts with it, then the error names the file and the field path', async () => {
    const regions = brokenLapland();
    await expect(bootTestServer({ env: { REGIONS_DIR: regions } })).rejects.toThrow(
      /^regions\/lapland: feeTable\.rows\[3\]\.hourlyRateCents: expected a positive integer$/m,
    );
  });

  it('when npm run regions:check runs on it, then it exits non-zero with the same message', async () => {
    const regions = brokenLapland();
    const failure = await run(tsx, ['scripts/regions-check.ts'], {
      cwd: projectRoot,
      env: { ...process.env, REGIONS_DIR: regions },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(
      'regions/lapland: feeTable.rows[3].hourlyRateCents: expected a positive integer',
    );
  });

  it('when npm run regions:check runs on the real modules, then it succeeds', async () => {
    const { stdout } = await run(tsx, ['scripts/regions-check.ts'], { cwd: projectRoot });
    expect(stdout).toContain(`${(await discoveredRegionIds()).length} region modules are valid`);
  });
});
