import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RegionConfig } from './region-config';
import { RegionConfigError, validateRegionConfig } from './validate';

/**
 * Finds every folder under the regions directory that has an index module, loads it and
 * validates it. Nothing in src/ names a region: a new folder is a new region.
 * Throws RegionConfigError listing every problem of every module, each line naming the file.
 */
export async function discoverRegions(regionsDir: string): Promise<Map<string, RegionConfig>> {
  if (!fs.existsSync(regionsDir)) throw new RegionConfigError([`${regionsDir}: the regions directory does not exist`]);
  const label = path.basename(regionsDir);
  const regions = new Map<string, RegionConfig>();
  const problems: string[] = [];

  const folders = fs
    .readdirSync(regionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const index = ['index.ts', 'index.js'].map((f) => path.join(regionsDir, folder, f)).find((f) => fs.existsSync(f));
    if (!index) continue; // shared building blocks live in folders without an index
    const source = `${label}/${folder}`;
    try {
      const loaded = (await import(pathToFileURL(index).href)) as { default?: unknown };
      // A CommonJS-compiled module arrives wrapped once more.
      let raw = loaded.default;
      if (raw && typeof raw === 'object' && 'default' in raw && !('id' in raw)) raw = raw.default;
      if (raw === undefined) {
        problems.push(`${source}: index must default-export defineRegion({...})`);
        continue;
      }
      const config = validateRegionConfig(source, raw);
      if (config.id !== folder) {
        problems.push(`${source}: id: must equal the folder name "${folder}"`);
        continue;
      }
      regions.set(config.id, config);
    } catch (error) {
      if (error instanceof RegionConfigError) problems.push(...error.issues);
      else problems.push(`${source}: could not be loaded: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new RegionConfigError(problems);
  if (regions.size === 0) throw new RegionConfigError([`${label}: no region modules found`]);
  return regions;
}
