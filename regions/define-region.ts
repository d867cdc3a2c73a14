/**
 * Marks a file as a region module and gives the editor the config's types. Deliberately does no
 * validation and imports types only, so that a copy of this folder runs anywhere; discovery
 * validates every module with `validateRegionConfig` at startup and in `npm run regions:check`.
 */
import type { RegionConfigInput } from '../src/region/region-config';

export function defineRegion(config: RegionConfigInput): RegionConfigInput {
  return config;
}
