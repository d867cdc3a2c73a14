import { useMemo, useState, type FormEvent } from 'react';
import { Button, Link } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { ExpertFilterInput, ExpertStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { today } from '../time';
import { useQuery } from '../useQuery';
import {
  CheckboxInput,
  CheckboxList,
  FormMessages,
  Gate,
  hasRole,
  SelectInput,
  splitList,
  TextInput,
  useFormErrors,
} from './forms';
import { ListStatus, LoadMore } from './KeysetListParts';
import { useKeysetList } from './paging';
import { usePoolMessages } from './pool.messages';
import { PoolRegionQuery } from './pool.queries';
import { PoolAuditPage } from './PoolAudit';
import { PoolExpertPage } from './PoolExpert';
import './pages.css';

export const EXPERT_STATUSES: ExpertStatus[] = ['APPLIED', 'INTERVIEWED', 'CONTRACTED', 'ACTIVE', 'PAUSED', 'ENDED'];
const PAGE_SIZE = 25;

const PoolExpertsQuery = graphql(`
  query ConsolePoolExperts($regionId: ID!, $filter: ExpertFilterInput, $first: Int, $after: String) {
    experts(regionId: $regionId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        displayName
        status
        languages
        availableForOffers
        currentContract {
          validFrom
          validTo
        }
      }
    }
  }
`);

const MissingTaxCardsQuery = graphql(`
  query ConsoleMissingTaxCards($regionId: ID!, $year: Int!) {
    expertsMissingTaxCard(regionId: $regionId, year: $year, first: 100) {
      id
      displayName
      status
    }
  }
`);

const CreateExpertMutation = graphql(`
  mutation ConsoleCreateExpert($input: CreateExpertInput!) {
    createExpert(input: $input) {
      id
      displayName
      status
    }
  }
`);

/** /console/pool/<regionId>[/experts/<id> | /audit] */
export function PoolPages({ regionId, rest }: { regionId: string; rest: string }) {
  const t = usePoolMessages();
  const { session } = useSession();
  if (rest === 'audit')
    return (
      <Gate
        signedIn={Boolean(session)}
        allowed={hasRole(session, ['REGION_ADMIN'], regionId)}
        messages={{ signInFirst: t.signInFirst, notAllowed: t.auditNotAllowed }}
      >
        <PoolAuditPage regionId={regionId} />
      </Gate>
    );
  const expert = /^experts\/([^/]+)$/.exec(rest);
  return (
    <Gate
      signedIn={Boolean(session)}
      allowed={hasRole(session, ['COORDINATOR'], regionId)}
      messages={{ signInFirst: t.signInFirst, notAllowed: t.notAllowed }}
    >
      {expert ? (
        <PoolExpertPage regionId={regionId} expertId={decodeURIComponent(expert[1]!)} />
      ) : (
        <PoolListPage regionId={regionId} />
      )}
    </Gate>
  );
}

interface Filters {
  statuses: string[];
  topicId: string;
  taskTypeId: string;
  language: string;
  availableOn: string;
}

function toFilter(filters: Filters): ExpertFilterInput {
  return {
    ...(filters.statuses.length ? { statuses: filters.statuses as ExpertStatus[] } : {}),
    ...(filters.topicId ? { topicIds: [filters.topicId] } : {}),
    ...(filters.taskTypeId ? { taskTypeIds: [filters.taskTypeId] } : {}),
    ...(filters.language.trim() ? { languages: [filters.language.trim()] } : {}),
    ...(filters.availableOn ? { availableOn: filters.availableOn } : {}),
  };
}

function PoolListPage({ regionId }: { regionId: string }) {
  const t = usePoolMessages();
  const { locale, t: common } = useI18n();
  const region = useQuery(PoolRegionQuery, { id: regionId, locale }).data?.region;
  const [draft, setDraft] = useState<Filters>({
    statuses: [],
    topicId: '',
    taskTypeId: '',
    language: '',
    availableOn: '',
  });
  const [applied, setApplied] = useState<Filters>(draft);
  const [reload, setReload] = useState(0);
  const { session } = useSession();
  const filter = useMemo(() => toFilter(applied), [applied]);
  const list = useKeysetList(
    JSON.stringify([regionId, filter, reload, session?.token]),
    async (after) =>
      (await execute(PoolExpertsQuery, { regionId, filter, first: PAGE_SIZE, after }, session?.token)).experts,
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };

  const topicOptions = (region?.topics ?? []).map((topic) => ({ value: topic.id, label: topic.label }));
  const taskOptions = (region?.taskTypes ?? []).map((task) => ({ value: task.id, label: task.label }));

  return (
    <div className="console-page">
      <h1>
        {t.title}: {region?.name ?? regionId}
      </h1>
      <section aria-labelledby="pool-filters">
        <h2 id="pool-filters">{t.filters}</h2>
        <form className="filters" onSubmit={search} aria-labelledby="pool-filters">
          <CheckboxList
            legend={t.status}
            name="status"
            options={EXPERT_STATUSES.map((status) => ({ value: status, label: t.statuses[status] ?? status }))}
            selected={draft.statuses}
            onChange={(statuses) => setDraft({ ...draft, statuses })}
          />
          <SelectInput
            label={t.topic}
            name="topic"
            value={draft.topicId}
            onChange={(topicId) => setDraft({ ...draft, topicId })}
            options={topicOptions}
            emptyLabel={t.any}
          />
          <SelectInput
            label={t.taskType}
            name="taskType"
            value={draft.taskTypeId}
            onChange={(taskTypeId) => setDraft({ ...draft, taskTypeId })}
            options={taskOptions}
            emptyLabel={t.any}
          />
          <TextInput
            label={t.language}
            name="language"
            description={t.languageHint}
            value={draft.language}
            onChange={(language) => setDraft({ ...draft, language })}
          />
          <TextInput
            label={t.availableOn}
            name="availableOn"
            type="date"
            value={draft.availableOn}
            onChange={(availableOn) => setDraft({ ...draft, availableOn })}
          />
          <Button type="submit">{t.search}</Button>
        </form>
      </section>
      <section aria-labelledby="pool-results">
        <h2 id="pool-results">{t.title}</h2>
        <ListStatus list={list} loadingText={common.loading} results={t.results} />
        <table data-testid="experts">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.languages}</th>
              <th scope="col">{t.contractValid}</th>
              <th scope="col">{t.availableForOffers}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((expert) => (
              <tr key={expert.id} data-expert={expert.id}>
                <th scope="row">
                  <Link href={`/console/pool/${regionId}/experts/${encodeURIComponent(expert.id)}`}>
                    {expert.displayName}
                  </Link>
                </th>
                <td>{t.statuses[expert.status] ?? expert.status}</td>
                <td>{expert.languages.join(', ')}</td>
                <td>
                  {expert.currentContract
                    ? `${expert.currentContract.validFrom} – ${expert.currentContract.validTo}`
                    : ''}
                </td>
                <td>{expert.availableForOffers ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMore list={list} label={t.loadMore} />
      </section>
      <NewApplicantForm
        regionId={regionId}
        locales={region?.locales ?? []}
        topics={topicOptions}
        taskTypes={taskOptions}
        onCreated={() => setReload((n) => n + 1)}
      />
      <MissingTaxCards regionId={regionId} />
    </div>
  );
}

const APPLICANT_FIELDS = [
  'displayName',
  'email',
  'phone',
  'languages',
  'introduction',
  'topicIds',
  'taskTypeIds',
  'topicsPublic',
] as const;

function NewApplicantForm({
  regionId,
  locales,
  topics,
  taskTypes,
  onCreated,
}: {
  regionId: string;
  locales: readonly string[];
  topics: { value: string; label: string }[];
  taskTypes: { value: string; label: string }[];
  onCreated: () => void;
}) {
  const t = usePoolMessages();
  const { locale } = useI18n();
  const { session } = useSession();
  const { errors, capture, clear } = useFormErrors(APPLICANT_FIELDS);
  const empty = {
    displayName: '',
    email: '',
    phone: '',
    languages: '',
    introduction: '',
    topicIds: [] as string[],
    taskTypeIds: [] as string[],
    topicsPublic: false,
  };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The introduction is written in the console's language when the region serves it, else its first.
  const introLocale = locales.includes(locale) ? locale : (locales[0] ?? 'fi');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDone(null);
    setBusy(true);
    try {
      const { createExpert } = await execute(
        CreateExpertMutation,
        {
          input: {
            regionId,
            displayName: form.displayName,
            ...(form.email ? { email: form.email } : {}),
            ...(form.phone ? { phone: form.phone } : {}),
            languages: splitList(form.languages),
            introduction: { [introLocale]: form.introduction },
            topicIds: form.topicIds,
            taskTypeIds: form.taskTypeIds,
            topicsPublic: form.topicsPublic,
          },
        },
        session?.token,
      );
      setDone(t.applicantRecorded(createExpert.displayName));
      setForm(empty);
      onCreated();
    } catch (caught) {
      capture(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-applicant">
      <h2 id="new-applicant">{t.newApplicant}</h2>
      <form onSubmit={(event) => void submit(event)} aria-labelledby="new-applicant" noValidate>
        <FormMessages general={errors.general} done={done} />
        <TextInput
          label={t.displayName}
          name="displayName"
          isRequired
          value={form.displayName}
          onChange={(displayName) => setForm({ ...form, displayName })}
          error={errors.fields.displayName}
        />
        <TextInput
          label={t.email}
          name="email"
          type="email"
          value={form.email}
          onChange={(email) => setForm({ ...form, email })}
          error={errors.fields.email}
        />
        <TextInput
          label={t.phone}
          name="phone"
          type="tel"
          value={form.phone}
          onChange={(phone) => setForm({ ...form, phone })}
          error={errors.fields.phone}
        />
        <TextInput
          label={t.languagesList}
          name="languages"
          description={t.languagesListHint}
          value={form.languages}
          onChange={(languages) => setForm({ ...form, languages })}
          error={errors.fields.languages}
        />
        <TextInput
          label={`${t.introduction} (${introLocale})`}
          name="introduction"
          value={form.introduction}
          onChange={(introduction) => setForm({ ...form, introduction })}
          error={errors.fields.introduction}
        />
        <CheckboxList
          legend={t.topics}
          name="topicIds"
          options={topics}
          selected={form.topicIds}
          onChange={(topicIds) => setForm({ ...form, topicIds })}
          error={errors.fields.topicIds}
        />
        <CheckboxInput
          label={t.topicsPublic}
          name="topicsPublic"
          checked={form.topicsPublic}
          onChange={(topicsPublic) => setForm({ ...form, topicsPublic })}
        />
        <CheckboxList
          legend={t.taskTypes}
          name="taskTypeIds"
          options={taskTypes}
          selected={form.taskTypeIds}
          onChange={(taskTypeIds) => setForm({ ...form, taskTypeIds })}
          error={errors.fields.taskTypeIds}
        />
        <Button type="submit" isDisabled={busy}>
          {busy ? t.saving : t.recordApplicant}
        </Button>
      </form>
    </section>
  );
}

function MissingTaxCards({ regionId }: { regionId: string }) {
  const t = usePoolMessages();
  const [year, setYear] = useState(today().slice(0, 4));
  const valid = /^\d{4}$/.test(year);
  const { data, error } = useQuery(MissingTaxCardsQuery, { regionId, year: Number(year) }, !valid);
  return (
    <section aria-labelledby="missing-tax-cards">
      <h2 id="missing-tax-cards">{t.missingTaxCards}</h2>
      <TextInput label={t.year} name="taxYear" type="number" value={year} onChange={setYear} />
      {error && <p role="alert">{error}</p>}
      {data && data.expertsMissingTaxCard.length === 0 && <p>{t.noneMissing}</p>}
      {data && data.expertsMissingTaxCard.length > 0 && (
        <ul data-testid="missing-tax-cards">
          {data.expertsMissingTaxCard.map((expert) => (
            <li key={expert.id}>
              <Link href={`/console/pool/${regionId}/experts/${encodeURIComponent(expert.id)}`}>
                {expert.displayName}
              </Link>{' '}
              ({t.statuses[expert.status] ?? expert.status})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
