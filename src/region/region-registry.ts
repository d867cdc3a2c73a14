import type { RegionConfig } from './region-config';

/**
 * The region modules found at start (revision zero of each region's rules). Rules at a date,
 * which include published revisions, come from RegionService.rulesAt.
 */
export class RegionRegistry {
  constructor(private readonly modules: ReadonlyMap<string, RegionConfig>) {}

  ids(): string[] {
    return [...this.modules.keys()];
  }

  module(id: string): RegionConfig | undefined {
    return this.modules.get(id);
  }

  all(): RegionConfig[] {
    return [...this.modules.values()];
  }
}
