import { useState, type FormEvent } from 'react';
import { Button, Link } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { SessionOutcome } from '../gql/graphql';
import { useI18n } from '../i18n';
import { today, zonedInstant } from '../time';
import { useQuery } from '../useQuery';
import { CheckboxList, FormMessages, hasRole, SelectInput, TextInput, useFormErrors } from './forms';
import { useReloadingQuery } from './paging';
import { useWorkMessages } from './work.messages';
import { formatInstant, WorkRegionQuery } from './work.queries';

// No contact detail is asked for anywhere on these pages: a professional may not see them, and the
// ordering side reaches experts through the coordinator.
const WorkOrderQuery = graphql(`
  query ConsoleWorkOrder($id: ID!) {
    order(id: $id) {
      id
      regionId
      title
      status
      kind
      description
      language
      municipality
      remote
      expertsNeeded
      version
      taskType {
        id
      }
      topics {
        id
      }
      unit {
        id
        name
      }
      acceptedExperts {
        id
        displayName
      }
      sessions {
        id
        startsAt
        endsAt
        status
        outcome
        workedMinutes
        cancellationDeadline
      }
      offers {
        id
        status
        offeredAt
        respondBy
        expert {
          id
          displayName
        }
      }
    }
  }
`);

const OfferCandidatesQuery = graphql(`
  query ConsoleOfferCandidates($regionId: ID!, $filter: ExpertFilterInput) {
    experts(regionId: $regionId, filter: $filter, first: 100) {
      nodes {
        id
        displayName
        languages
      }
    }
  }
`);

const UnitOrientationsQuery = graphql(`
  query ConsoleUnitOrientations($unitId: ID!) {
    unitOrientations(unitId: $unitId) {
      expertId
    }
  }
`);

const OfferOrderMutation = graphql(`
  mutation ConsoleOfferOrder($orderId: ID!, $expertIds: [ID!]!, $respondBy: DateTime) {
    offerOrder(orderId: $orderId, expertIds: $expertIds, respondBy: $respondBy) {
      id
      status
    }
  }
`);

const RecordOutcomeMutation = graphql(`
  mutation ConsoleRecordSessionOutcome($sessionId: ID!, $input: SessionOutcomeInput!) {
    recordSessionOutcome(sessionId: $sessionId, input: $input) {
      id
      status
      outcome
    }
  }
`);

export function WorkOrderPage({ regionId, orderId }: { regionId: string; orderId: string }) {
  const t = useWorkMessages();
  const { locale } = useI18n();
  const { session } = useSession();
  const region = useQuery(WorkRegionQuery, { id: regionId, locale }).data?.region;
  const timeZone = region?.timeZone ?? 'Europe/Helsinki';
  const { data, error, reload } = useReloadingQuery(WorkOrderQuery, { id: orderId });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const order = data?.order;
  const when = (iso: string) => formatInstant(iso, locale, timeZone);
  const changed = (message: string) => {
    setAnnouncement(message);
    reload();
  };
  const canOffer =
    hasRole(session, ['COORDINATOR', 'PROFESSIONAL'], regionId) &&
    (order?.status === 'REQUESTED' || order?.status === 'OFFERED');

  return (
    <div className="console-page">
      <p>
        <Link href={`/console/orders/${regionId}`}>{t.back}</Link>
      </p>
      <h1>{order?.title ?? orderId}</h1>
      {error && <p role="alert">{error}</p>}
      <p role="status">{announcement ?? ''}</p>
      {order && (
        <>
          <section aria-labelledby="order-details">
            <h2 id="order-details">{t.details}</h2>
            <dl className="facts">
              <dt>{t.status}</dt>
              <dd data-testid="order-status">{t.orderStatuses[order.status] ?? order.status}</dd>
              <dt>{t.taskType}</dt>
              <dd>{region?.taskTypes.find((task) => task.id === order.taskType.id)?.label ?? order.taskType.id}</dd>
              <dt>{t.unit}</dt>
              <dd>{order.unit?.name ?? ''}</dd>
              <dt>{t.language}</dt>
              <dd>{order.language}</dd>
              <dt>{t.municipality}</dt>
              <dd>{order.municipality ?? ''}</dd>
              <dt>{t.remote}</dt>
              <dd>{order.remote ? t.yes : t.no}</dd>
              <dt>{t.expertsNeeded}</dt>
              <dd>{order.expertsNeeded}</dd>
              <dt>{t.topics}</dt>
              <dd>
                {order.topics
                  .map((topic) => region?.topics.find((x) => x.id === topic.id)?.label ?? topic.id)
                  .join(', ')}
              </dd>
              <dt>{t.acceptedExperts}</dt>
              <dd>{order.acceptedExperts.map((expert) => expert.displayName).join(', ') || t.none}</dd>
            </dl>
            {order.description && <p>{order.description}</p>}
          </section>
          <section aria-labelledby="order-sessions">
            <h2 id="order-sessions">{t.sessions}</h2>
            <table data-testid="sessions">
              <thead>
                <tr>
                  <th scope="col">{t.starts}</th>
                  <th scope="col">{t.ends}</th>
                  <th scope="col">{t.sessionStatus}</th>
                  <th scope="col">{t.outcome}</th>
                  <th scope="col">{t.minutes}</th>
                  <th scope="col">{t.cancellationDeadline}</th>
                </tr>
              </thead>
              <tbody>
                {order.sessions.map((s) => (
                  <tr key={s.id} data-session={s.id}>
                    <th scope="row">{when(s.startsAt)}</th>
                    <td>{when(s.endsAt)}</td>
                    <td>{t.sessionStatuses[s.status] ?? s.status}</td>
                    <td>{s.outcome ? (t.outcomes[s.outcome] ?? s.outcome) : ''}</td>
                    <td className="number">{s.workedMinutes ?? ''}</td>
                    <td>{when(s.cancellationDeadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {order.acceptedExperts.length > 0 &&
              order.sessions
                // An outcome is recorded once a session has started.
                .filter((s) => s.status === 'SCHEDULED' && new Date(s.startsAt).getTime() <= Date.now())
                .map((s) => (
                  <OutcomeForm
                    key={s.id}
                    sessionId={s.id}
                    heading={t.recordOutcomeOf(when(s.startsAt))}
                    group={order.kind === 'GROUP'}
                    plannedMinutes={Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000)}
                    onDone={() => changed(t.outcomeRecorded)}
                  />
                ))}
          </section>
          <section aria-labelledby="order-offers">
            <h2 id="order-offers">{t.offers}</h2>
            {order.offers.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <table data-testid="offers">
                <thead>
                  <tr>
                    <th scope="col">{t.expert}</th>
                    <th scope="col">{t.offerStatus}</th>
                    <th scope="col">{t.offeredAt}</th>
                    <th scope="col">{t.respondBy}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.offers.map((offer) => (
                    <tr key={offer.id}>
                      <th scope="row">{offer.expert.displayName}</th>
                      <td>{t.offerStatuses[offer.status] ?? offer.status}</td>
                      <td>{when(offer.offeredAt)}</td>
                      <td>{offer.respondBy ? when(offer.respondBy) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {canOffer && (
              <OfferForm
                regionId={regionId}
                orderId={order.id}
                taskTypeId={order.taskType.id}
                // Where the region offers work in a unit only to experts oriented there, the
                // coordinator's list shows only those (professionals cannot read orientations).
                orientedIn={
                  region?.work.unitOrientationRequired && order.unit && hasRole(session, ['COORDINATOR'], regionId)
                    ? order.unit.id
                    : null
                }
                timeZone={timeZone}
                alreadyOffered={order.offers.filter((o) => o.status === 'OFFERED').map((o) => o.expert.id)}
                onDone={(count) => changed(t.offerSent(count))}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}

const OUTCOMES: SessionOutcome[] = ['COMPLETED', 'CLIENT_NO_SHOW', 'EXPERT_ILL', 'NO_PARTICIPANTS', 'GROUP_ENDED'];

function OutcomeForm({
  sessionId,
  heading,
  group,
  plannedMinutes,
  onDone,
}: {
  sessionId: string;
  heading: string;
  group: boolean;
  plannedMinutes: number;
  onDone: () => void;
}) {
  const t = useWorkMessages();
  const { session } = useSession();
  const { errors, capture, clear } = useFormErrors(['outcome', 'minutes']);
  const [outcome, setOutcome] = useState<SessionOutcome>('COMPLETED');
  const [minutes, setMinutes] = useState(String(plannedMinutes));
  const headingId = `outcome-${sessionId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await execute(
        RecordOutcomeMutation,
        { sessionId, input: { outcome, ...(minutes.trim() ? { minutes: Number(minutes) } : {}) } },
        session?.token,
      );
      onDone();
    } catch (caught) {
      capture(caught);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{heading}</h3>
      <FormMessages general={errors.general} />
      <SelectInput
        label={t.outcome}
        name={`outcome-${sessionId}`}
        value={outcome}
        onChange={(value) => setOutcome(value as SessionOutcome)}
        options={OUTCOMES.filter((o) => group || (o !== 'NO_PARTICIPANTS' && o !== 'GROUP_ENDED')).map((value) => ({
          value,
          label: t.outcomes[value] ?? value,
        }))}
        error={errors.fields.outcome}
      />
      <TextInput
        label={t.minutes}
        name={`minutes-${sessionId}`}
        type="number"
        value={minutes}
        onChange={setMinutes}
        error={errors.fields.minutes}
      />
      <Button type="submit">{t.recordOutcome}</Button>
    </form>
  );
}

function OfferForm({
  regionId,
  orderId,
  taskTypeId,
  orientedIn,
  timeZone,
  alreadyOffered,
  onDone,
}: {
  regionId: string;
  orderId: string;
  taskTypeId: string;
  orientedIn: string | null;
  timeZone: string;
  alreadyOffered: string[];
  onDone: (count: number) => void;
}) {
  const t = useWorkMessages();
  const { session } = useSession();
  const { data } = useQuery(OfferCandidatesQuery, {
    regionId,
    filter: { availableOn: today(), taskTypeIds: [taskTypeId] },
  });
  const { errors, capture, clear } = useFormErrors(['expertIds', 'respondBy']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [respondBy, setRespondBy] = useState('');
  const oriented = useQuery(UnitOrientationsQuery, { unitId: orientedIn ?? '' }, !orientedIn).data;
  const orientedIds = oriented ? new Set(oriented.unitOrientations.map((o) => o.expertId)) : null;
  const candidates = (orientedIn && !orientedIds ? [] : (data?.experts.nodes ?? [])).filter(
    (expert) => !alreadyOffered.includes(expert.id) && (!orientedIds || orientedIds.has(expert.id)),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      // The answer time is typed as the region's wall clock.
      const [date, time] = respondBy.split('T');
      const instant = date && time ? zonedInstant(date, time.slice(0, 5), timeZone).toISOString() : null;
      await execute(
        OfferOrderMutation,
        { orderId, expertIds: chosen, ...(instant ? { respondBy: instant } : {}) },
        session?.token,
      );
      setChosen([]);
      onDone(chosen.length);
    } catch (caught) {
      capture(caught);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="offer-to" noValidate>
      <h3 id="offer-to">{t.offerTo}</h3>
      <FormMessages general={errors.general} />
      {data && candidates.length === 0 ? (
        <p>{orientedIn ? t.noCandidatesOriented : t.noCandidates}</p>
      ) : (
        <CheckboxList
          legend={orientedIn ? t.candidatesOriented : t.candidates}
          name="expertIds"
          options={candidates.map((expert) => ({
            value: expert.id,
            label: `${expert.displayName} (${expert.languages.join(', ')})`,
          }))}
          selected={chosen}
          onChange={setChosen}
          error={errors.fields.expertIds}
        />
      )}
      <TextInput
        label={t.respondByLabel}
        name="respondBy"
        type="datetime-local"
        value={respondBy}
        onChange={setRespondBy}
        error={errors.fields.respondBy}
      />
      <Button type="submit">{t.sendOffer}</Button>
    </form>
  );
}
