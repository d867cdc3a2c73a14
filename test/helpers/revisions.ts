import { expect } from 'vitest';
import {
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  type ProposeRegionRevisionInput,
} from '../generated/graphql';
import type { TestApi } from './boot';

/** Proposes a revision of a region's rules and publishes it, as a region admin; both must succeed. */
export async function publishRevision(
  api: TestApi,
  adminToken: string,
  input: ProposeRegionRevisionInput,
): Promise<string> {
  const proposed = await api.request(ProposeRegionRevisionDocument, { input }, { token: adminToken });
  expect(proposed.errors).toBeUndefined();
  const id = proposed.data!.proposeRegionRevision.id;
  const published = await api.request(PublishRegionRevisionDocument, { id }, { token: adminToken });
  expect(published.errors).toBeUndefined();
  return id;
}
