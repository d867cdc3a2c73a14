import { expect } from 'vitest';
import {
  AddExpertTrainingDocument,
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  CreateUnitDocument,
  RecordExpertInterviewDocument,
  SignExpertContractDocument,
  type CreateExpertInput,
} from '../generated/graphql';
import type { TestApi } from './boot';

export const ITA = 'ita-uusimaa';

/** An Itä-Uusimaa applicant as a coordinator records one. */
export function applicantInput(over: Partial<CreateExpertInput> = {}): CreateExpertInput {
  return {
    regionId: ITA,
    displayName: 'Leena Virtanen',
    email: 'leena.virtanen@example.fi',
    phone: '+358 40 123 4567',
    topicIds: ['addictions'],
    languages: ['fi'],
    taskTypeIds: ['individual-work', 'lecture-training'],
    introduction: { fi: 'Olen toipunut päihderiippuvuudesta.' },
    topicsPublic: false,
    municipalities: ['Porvoo'],
    ...over,
  };
}

export async function createUnit(
  api: TestApi,
  adminToken: string,
  name: string,
  municipality: string,
): Promise<string> {
  const result = await api.request(
    CreateUnitDocument,
    { input: { regionId: ITA, name, serviceInterfaceId: 'working-age', municipality, coordinatorNames: [] } },
    { token: adminToken },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createUnit.id;
}

export async function createApplicant(
  api: TestApi,
  coordinator: string,
  over: Partial<CreateExpertInput> = {},
): Promise<string> {
  const result = await api.request(CreateExpertDocument, { input: applicantInput(over) }, { token: coordinator });
  expect(result.errors).toBeUndefined();
  return result.data!.createExpert.id;
}

/** Interviewed by a social worker and the coordinator (003 §5), as the region requires. */
export async function interview(
  api: TestApi,
  coordinator: string,
  id: string,
  notes: string | null = null,
): Promise<void> {
  const panel = [
    { role: 'PROFESSIONAL', name: 'Sari Sosiaalityöntekijä' },
    { role: 'regional-coordinator', name: 'Kaisa Koordinaattori' },
  ];
  const result = await api.request(
    RecordExpertInterviewDocument,
    { id, input: { heldOn: '2026-05-01', panel, notes } },
    { token: coordinator },
  );
  expect(result.errors).toBeUndefined();
}

export async function sign(
  api: TestApi,
  coordinator: string,
  id: string,
  validFrom: string,
  validTo: string,
  training: string | null = null,
): Promise<void> {
  const result = await api.request(
    SignExpertContractDocument,
    {
      id,
      input: {
        validFrom,
        validTo,
        training,
        topicIds: ['addictions'],
        taskTypeIds: ['individual-work', 'lecture-training'],
      },
    },
    { token: coordinator },
  );
  expect(result.errors).toBeUndefined();
}

/** APPLIED → INTERVIEWED → CONTRACTED → ACTIVE, with a training and a contract for the period. */
export async function activeExpert(
  api: TestApi,
  coordinator: string,
  over: Partial<CreateExpertInput> = {},
  period: [string, string] = ['2026-01-01', '2027-12-31'],
): Promise<string> {
  const id = await createApplicant(api, coordinator, over);
  await interview(api, coordinator, id, 'Sopiva');
  await sign(api, coordinator, id, period[0], period[1], 'KEIJO-koulutus');
  const training = await api.request(
    AddExpertTrainingDocument,
    {
      id,
      input: {
        name: 'KEIJO-vertaisohjaajakoulutus',
        provider: 'KRITS ry',
        hours: 60,
        startedOn: '2025-01-10',
        completedOn: '2025-05-20',
      },
    },
    { token: coordinator },
  );
  expect(training.errors).toBeUndefined();
  const active = await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator });
  expect(active.errors).toBeUndefined();
  return id;
}
