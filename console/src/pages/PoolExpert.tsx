import { useState, type FormEvent } from 'react';
import { Button, Link } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { ExpertStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { today } from '../time';
import { useQuery } from '../useQuery';
import { CheckboxList, FormMessages, TextInput, useFormErrors } from './forms';
import { AuditTable } from './PoolAudit';
import { useReloadingQuery } from './paging';
import { usePoolMessages } from './pool.messages';
import { PoolRegionQuery } from './pool.queries';

const PoolExpertQuery = graphql(`
  query ConsolePoolExpert($id: ID!, $locale: String) {
    expert(id: $id) {
      id
      regionId
      displayName
      status
      availableForOffers
      languages
      municipalities
      remote
      topicsPublic
      introduction(locale: $locale)
      contact {
        email
        phone
      }
      topics {
        id
        label(locale: $locale)
      }
      taskTypes {
        id
        label(locale: $locale)
      }
      currentContract {
        validFrom
        validTo
      }
      contracts {
        id
        signedOn
        validFrom
        validTo
      }
      interview {
        heldOn
        notes
        panel {
          name
          role
        }
      }
      taxCards {
        year
        receivedOn
      }
      units {
        id
        name
      }
    }
  }
`);

const RecordInterviewMutation = graphql(`
  mutation ConsoleRecordInterview($id: ID!, $input: RecordExpertInterviewInput!) {
    recordExpertInterview(id: $id, input: $input) {
      id
      status
    }
  }
`);

const SignContractMutation = graphql(`
  mutation ConsoleSignContract($id: ID!, $input: SignExpertContractInput!) {
    signExpertContract(id: $id, input: $input) {
      id
      status
    }
  }
`);

const ChangeStatusMutation = graphql(`
  mutation ConsoleChangeExpertStatus($id: ID!, $status: ExpertStatus!) {
    changeExpertStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

export function PoolExpertPage({ regionId, expertId }: { regionId: string; expertId: string }) {
  const t = usePoolMessages();
  const { locale } = useI18n();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const region = useQuery(PoolRegionQuery, { id: regionId, locale }).data?.region;
  const { data, error, reload } = useReloadingQuery(PoolExpertQuery, { id: expertId, locale });
  const expert = data?.expert;
  const changed = (message: string) => {
    setAnnouncement(message);
    reload();
  };

  const roleLabel = (role: string) =>
    role === 'PROFESSIONAL' ? t.professional : (region?.coordinatorRoles.find((r) => r.id === role)?.label ?? role);
  const contractForm = expert && (
    <ContractForm
      expertId={expert.id}
      topics={(region?.topics ?? []).map((x) => ({ value: x.id, label: x.label }))}
      taskTypes={(region?.taskTypes ?? []).map((x) => ({ value: x.id, label: x.label }))}
      initialTopics={(expert.topics ?? []).map((x) => x.id)}
      initialTaskTypes={expert.taskTypes.map((x) => x.id)}
      onDone={() => changed(t.contractSigned)}
    />
  );

  return (
    <div className="console-page">
      <p>
        <Link href={`/console/pool/${regionId}`}>{t.back}</Link>
      </p>
      <h1>{expert?.displayName ?? expertId}</h1>
      {error && <p role="alert">{error}</p>}
      <p role="status">{announcement ?? ''}</p>
      {expert && (
        <>
          <section aria-labelledby="expert-details">
            <h2 id="expert-details">{t.details}</h2>
            <dl className="facts">
              <dt>{t.status}</dt>
              <dd data-testid="expert-status">{t.statuses[expert.status] ?? expert.status}</dd>
              <dt>{t.availableForOffers}</dt>
              <dd>{expert.availableForOffers ? t.yes : t.no}</dd>
              <dt>{t.languages}</dt>
              <dd>{expert.languages.join(', ')}</dd>
              <dt>{t.municipalities}</dt>
              <dd>{expert.municipalities.join(', ')}</dd>
              <dt>{t.remote}</dt>
              <dd>{expert.remote ? t.yes : t.no}</dd>
              {expert.contact && (
                <>
                  <dt>{t.contact}</dt>
                  <dd>{[expert.contact.email, expert.contact.phone].filter(Boolean).join(', ')}</dd>
                </>
              )}
              <dt>{t.topics}</dt>
              <dd>{(expert.topics ?? []).map((topic) => topic.label).join(', ')}</dd>
              <dt>{t.taskTypes}</dt>
              <dd>{expert.taskTypes.map((task) => task.label).join(', ')}</dd>
              <dt>{t.units}</dt>
              <dd>{expert.units.map((unit) => unit.name).join(', ')}</dd>
              <dt>{t.currentContract}</dt>
              <dd>
                {expert.currentContract
                  ? `${expert.currentContract.validFrom} – ${expert.currentContract.validTo}`
                  : t.noContract}
              </dd>
            </dl>
            {expert.introduction && <p>{expert.introduction}</p>}
          </section>
          {expert.interview && (
            <section aria-labelledby="expert-interview">
              <h2 id="expert-interview">{t.interview}</h2>
              <p>
                {t.heldOn} {expert.interview.heldOn}:{' '}
                {expert.interview.panel.map((member) => `${member.name} (${roleLabel(member.role)})`).join(', ')}
              </p>
              {expert.interview.notes && <p>{expert.interview.notes}</p>}
            </section>
          )}
          {expert.contracts && expert.contracts.length > 0 && (
            <section aria-labelledby="expert-contracts">
              <h2 id="expert-contracts">{t.contracts}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.signedOn}</th>
                    <th scope="col">{t.validFrom}</th>
                    <th scope="col">{t.validTo}</th>
                  </tr>
                </thead>
                <tbody>
                  {expert.contracts.map((contract) => (
                    <tr key={contract.id}>
                      <th scope="row">{contract.signedOn}</th>
                      <td>{contract.validFrom}</td>
                      <td>{contract.validTo}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section aria-labelledby="expert-tax-cards">
            <h2 id="expert-tax-cards">{t.taxCards}</h2>
            {expert.taxCards?.length ? (
              <ul>
                {expert.taxCards.map((card) => (
                  <li key={card.year}>
                    {card.year}: {t.receivedOn} {card.receivedOn}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.noTaxCards}</p>
            )}
          </section>
          <section aria-labelledby="expert-lifecycle">
            <h2 id="expert-lifecycle">{t.lifecycle}</h2>
            {expert.status === 'APPLIED' && (
              <InterviewForm
                expertId={expert.id}
                steps={region?.onboardingSteps ?? []}
                roles={region?.coordinatorRoles ?? []}
                onDone={() => changed(t.interviewRecorded)}
              />
            )}
            {expert.status === 'INTERVIEWED' && contractForm}
            {(expert.status === 'CONTRACTED' || expert.status === 'ACTIVE' || expert.status === 'PAUSED') && (
              // A further contract period is rarer than the first: folded away until asked for.
              <details>
                <summary>{t.signContract}</summary>
                {contractForm}
              </details>
            )}
            <StatusActions
              expertId={expert.id}
              status={expert.status}
              onDone={(status) => changed(t.statusChanged(t.statuses[status] ?? status))}
            />
          </section>
          <section aria-labelledby="expert-audit">
            <h2 id="expert-audit">{t.audit}</h2>
            <AuditTable regionId={regionId} expertId={expert.id} />
          </section>
        </>
      )}
    </div>
  );
}

function InterviewForm({
  expertId,
  steps,
  roles,
  onDone,
}: {
  expertId: string;
  steps: readonly { id: string; panel: readonly string[] }[];
  roles: readonly { id: string; label: string }[];
  onDone: () => void;
}) {
  const t = usePoolMessages();
  const { session } = useSession();
  // The panel of the region's interview step, found as the API finds it: the step named "interview",
  // else the last step with a panel before the contract.
  const named = steps.find((step) => step.id === 'interview');
  const contractAt = steps.findIndex((step) => step.id === 'contract');
  const panelRoles =
    named?.panel ??
    (contractAt < 0 ? steps : steps.slice(0, contractAt)).filter((step) => step.panel.length).at(-1)?.panel ??
    [];
  const { errors, capture, clear } = useFormErrors([
    'heldOn',
    'notes',
    'panel',
    ...panelRoles.map((_, i) => `panel[${i}]`),
  ]);
  const [heldOn, setHeldOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const roleLabel = (role: string) =>
    role === 'PROFESSIONAL' ? t.professional : (roles.find((r) => r.id === role)?.label ?? role);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await execute(
        RecordInterviewMutation,
        {
          id: expertId,
          input: {
            heldOn,
            ...(notes ? { notes } : {}),
            panel: panelRoles.map((role) => ({ role, name: names[role] ?? '' })),
          },
        },
        session?.token,
      );
      onDone();
    } catch (caught) {
      capture(caught);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="record-interview" noValidate>
      <h3 id="record-interview">{t.recordInterview}</h3>
      <FormMessages general={errors.general} />
      <TextInput
        label={t.heldOn}
        name="heldOn"
        type="date"
        isRequired
        value={heldOn}
        onChange={setHeldOn}
        error={errors.fields.heldOn}
      />
      {panelRoles.map((role, i) => (
        <TextInput
          key={role}
          label={t.panelMember(roleLabel(role))}
          name={`panel-${role}`}
          isRequired
          value={names[role] ?? ''}
          onChange={(name) => setNames({ ...names, [role]: name })}
          error={errors.fields[`panel[${i}]`]}
        />
      ))}
      {errors.fields.panel && <p className="field-error">{errors.fields.panel}</p>}
      <TextInput label={t.notes} name="notes" value={notes} onChange={setNotes} error={errors.fields.notes} />
      <Button type="submit">{t.recordInterview}</Button>
    </form>
  );
}

function ContractForm({
  expertId,
  topics,
  taskTypes,
  initialTopics,
  initialTaskTypes,
  onDone,
}: {
  expertId: string;
  topics: { value: string; label: string }[];
  taskTypes: { value: string; label: string }[];
  initialTopics: string[];
  initialTaskTypes: string[];
  onDone: () => void;
}) {
  const t = usePoolMessages();
  const { session } = useSession();
  const fields = [
    'validFrom',
    'validTo',
    'signedOn',
    'training',
    'earlierExperience',
    'wishes',
    'topicIds',
    'taskTypeIds',
  ];
  const { errors, capture, clear } = useFormErrors(fields);
  const year = Number(today().slice(0, 4));
  const [form, setForm] = useState({
    validFrom: today(),
    validTo: `${year + 1}-12-31`,
    signedOn: today(),
    training: '',
    earlierExperience: '',
    wishes: '',
    topicIds: initialTopics,
    taskTypeIds: initialTaskTypes,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await execute(
        SignContractMutation,
        {
          id: expertId,
          input: {
            validFrom: form.validFrom,
            validTo: form.validTo,
            signedOn: form.signedOn,
            topicIds: form.topicIds,
            taskTypeIds: form.taskTypeIds,
            ...(form.training ? { training: form.training } : {}),
            ...(form.earlierExperience ? { earlierExperience: form.earlierExperience } : {}),
            ...(form.wishes ? { wishes: form.wishes } : {}),
          },
        },
        session?.token,
      );
      onDone();
    } catch (caught) {
      capture(caught);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-contract" noValidate>
      <h3 id="sign-contract">{t.signContract}</h3>
      <FormMessages general={errors.general} />
      {(['signedOn', 'validFrom', 'validTo'] as const).map((field) => (
        <TextInput
          key={field}
          label={t[field]}
          name={field}
          type="date"
          isRequired={field !== 'signedOn'}
          value={form[field]}
          onChange={(value) => setForm({ ...form, [field]: value })}
          error={errors.fields[field]}
        />
      ))}
      {(['training', 'earlierExperience', 'wishes'] as const).map((field) => (
        <TextInput
          key={field}
          label={t[field]}
          name={field}
          value={form[field]}
          onChange={(value) => setForm({ ...form, [field]: value })}
          error={errors.fields[field]}
        />
      ))}
      <CheckboxList
        legend={t.topics}
        name="contractTopicIds"
        options={topics}
        selected={form.topicIds}
        onChange={(topicIds) => setForm({ ...form, topicIds })}
        error={errors.fields.topicIds}
      />
      <CheckboxList
        legend={t.taskTypes}
        name="contractTaskTypeIds"
        options={taskTypes}
        selected={form.taskTypeIds}
        onChange={(taskTypeIds) => setForm({ ...form, taskTypeIds })}
        error={errors.fields.taskTypeIds}
      />
      <Button type="submit">{t.signContract}</Button>
    </form>
  );
}

/** The moves the API allows from a status: activate a contracted or paused expert, pause an active one, end any. */
const MOVES: Record<ExpertStatus, ExpertStatus[]> = {
  APPLIED: ['ENDED'],
  INTERVIEWED: ['ENDED'],
  CONTRACTED: ['ACTIVE', 'ENDED'],
  ACTIVE: ['PAUSED', 'ENDED'],
  PAUSED: ['ACTIVE', 'ENDED'],
  ENDED: [],
};

function StatusActions({
  expertId,
  status,
  onDone,
}: {
  expertId: string;
  status: ExpertStatus;
  onDone: (status: ExpertStatus) => void;
}) {
  const t = usePoolMessages();
  const { session } = useSession();
  const { errors, capture, clear } = useFormErrors([]);
  const label: Partial<Record<ExpertStatus, string>> = { ACTIVE: t.activate, PAUSED: t.pause, ENDED: t.end };
  const moves = MOVES[status];
  if (moves.length === 0) return null;
  const change = async (next: ExpertStatus) => {
    clear();
    try {
      await execute(ChangeStatusMutation, { id: expertId, status: next }, session?.token);
      onDone(next);
    } catch (caught) {
      capture(caught);
    }
  };
  return (
    <div role="group" aria-labelledby="change-status">
      <h3 id="change-status">{t.changeStatus}</h3>
      <FormMessages general={errors.general} />
      <div className="actions">
        {moves.map((next) => (
          <Button key={next} onPress={() => void change(next)}>
            {label[next]}
          </Button>
        ))}
      </div>
    </div>
  );
}
