import { expect } from 'vitest';
import {
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  CreateOrderDocument,
  CreateUnitDocument,
  OfferOrderDocument,
  RecordExpertInterviewDocument,
  SignExpertContractDocument,
  type CreateOrderInput,
} from '../generated/graphql';
import type { TestApi } from './boot';

/** The interview panel each region's onboarding asks for. */
const PANELS: Record<string, Array<{ role: string; name: string }>> = {
  'ita-uusimaa': [
    { role: 'PROFESSIONAL', name: 'Sari Sosiaalityöntekijä' },
    { role: 'regional-coordinator', name: 'Kaisa Koordinaattori' },
  ],
  'vantaa-kap': [{ role: 'bank-coordinator', name: 'Pia Pankki' }],
  lapland: [{ role: 'brokerage-coordinator', name: 'Lauri Balanssi' }],
};

export async function unitIn(
  api: TestApi,
  regionId: string,
  name: string,
  serviceInterfaceId: string,
): Promise<string> {
  const admin = await api.token({ sub: `admin-${regionId}`, grants: [`REGION_ADMIN@${regionId}`] });
  const result = await api.request(
    CreateUnitDocument,
    { input: { regionId, name, serviceInterfaceId, municipality: 'Porvoo', coordinatorNames: [] } },
    { token: admin },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createUnit.id;
}

/**
 * An ACTIVE expert under a contract for 2026–2027 covering `taskTypeIds`, linked to the account
 * `accountId` and oriented in `unitIds`: recorded, interviewed and contracted through the API.
 */
export async function readyExpert(
  api: TestApi,
  coordinator: string,
  regionId: string,
  options: {
    displayName: string;
    accountId: string;
    taskTypeIds: string[];
    topicIds?: string[];
    unitIds?: string[];
    remote?: boolean;
    email?: string;
  },
): Promise<string> {
  const created = await api.request(
    CreateExpertDocument,
    {
      input: {
        regionId,
        displayName: options.displayName,
        email: options.email ?? `${options.accountId}@example.fi`,
        phone: '+358 40 765 4321',
        topicIds: options.topicIds ?? ['mental-health'],
        languages: ['fi'],
        taskTypeIds: options.taskTypeIds,
        introduction: { fi: 'Kokemusasiantuntija.' },
        topicsPublic: true,
        municipalities: ['Porvoo'],
        remote: options.remote ?? false,
        unitIds: options.unitIds ?? [],
        accountId: options.accountId,
      },
    },
    { token: coordinator },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createExpert.id;
  const interviewed = await api.request(
    RecordExpertInterviewDocument,
    { id, input: { heldOn: '2026-01-15', panel: PANELS[regionId]! } },
    { token: coordinator },
  );
  expect(interviewed.errors).toBeUndefined();
  const signed = await api.request(
    SignExpertContractDocument,
    {
      id,
      input: {
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
        topicIds: options.topicIds ?? ['mental-health'],
        taskTypeIds: options.taskTypeIds,
      },
    },
    { token: coordinator },
  );
  expect(signed.errors).toBeUndefined();
  const active = await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator });
  expect(active.errors).toBeUndefined();
  return id;
}

export async function placeOrder(api: TestApi, token: string, input: CreateOrderInput) {
  const result = await api.request(CreateOrderDocument, { input }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.createOrder;
}

export async function offer(api: TestApi, token: string, orderId: string, expertIds: string[]) {
  const result = await api.request(OfferOrderDocument, { orderId, expertIds }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.offerOrder;
}

/** An instant in Helsinki's wall-clock time, e.g. helsinki('2026-06-16T10:00'). */
export function helsinki(local: string): string {
  const probe = new Date(`${local}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', timeZoneName: 'shortOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', '');
  const hours = Number(offset || '0');
  return new Date(probe.getTime() - hours * 3_600_000).toISOString();
}
