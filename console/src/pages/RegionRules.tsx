import { useState } from 'react';
import { Input, Label, Link, TextField } from 'react-aria-components';
import { graphql } from '../gql';
import { formatEuros, useI18n } from '../i18n';
import { useQuery } from '../useQuery';
import { useSession } from '../auth';
import { regionsWithRole } from '../access';
import { RegionRevisions } from './RegionRevisions';
import { addMonths, nextWeekday, today, zonedInstant } from '../time';

const RegionListQuery = graphql(`
  query ConsoleRegions($locale: String) {
    regions {
      id
      name(locale: $locale)
    }
  }
`);

const RegionRulesQuery = graphql(`
  query ConsoleRegionRules($id: ID!, $at: DateTime, $locale: String) {
    region(id: $id, at: $at) {
      id
      name(locale: $locale)
      timeZone
      feeTable {
        effectiveFrom
        rows {
          category
          label(locale: $locale)
          hourlyRateCents
          taxClass
          taxClassIsDefault
        }
        packages {
          id
          label(locale: $locale)
          priceCents
        }
      }
      cancellationPolicy {
        description(locale: $locale)
      }
      topics {
        id
        label(locale: $locale)
      }
      taskTypes {
        id
        label(locale: $locale)
        feeCategory
        paid
      }
    }
  }
`);

const RulesExamplesQuery = graphql(`
  query ConsoleRulesExamples($regionId: ID!, $startsAt: DateTime!, $m0: String!, $m1: String!, $m2: String!) {
    cancellationDeadline(regionId: $regionId, startsAt: $startsAt)
    m0: payoutDates(regionId: $regionId, workMonth: $m0) {
      noticeDueOn
      paymentOn
    }
    m1: payoutDates(regionId: $regionId, workMonth: $m1) {
      noticeDueOn
      paymentOn
    }
    m2: payoutDates(regionId: $regionId, workMonth: $m2) {
      noticeDueOn
      paymentOn
    }
  }
`);

export function RegionListPage({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(RegionListQuery, { locale });
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <>
      <Heading>{t.regionsTitle}</Heading>
      {error && <p role="alert">{error}</p>}
      <ul>
        {data?.regions.map((region) => (
          <li key={region.id}>
            <Link href={`/console/regions/${region.id}`}>{region.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export function RegionRulesPage({ regionId }: { regionId: string }) {
  const [on, setOn] = useState(today);
  // A publish shows at once: the rules are read again.
  const [generation, setGeneration] = useState(0);
  const { session } = useSession();
  const admin = regionsWithRole(session, ['REGION_ADMIN']).includes(regionId);
  return (
    <>
      <RulesInForce key={generation} regionId={regionId} on={on} setOn={setOn} />
      {admin && <RegionRevisions regionId={regionId} onPublished={() => setGeneration((g) => g + 1)} />}
    </>
  );
}

function RulesInForce({ regionId, on, setOn }: { regionId: string; on: string; setOn: (on: string) => void }) {
  const { t, locale } = useI18n();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(on);
  // Rules in force at noon of the chosen day in Finland; a revision takes effect at the start of its day.
  const at = valid ? `${on}T12:00:00Z` : undefined;
  const { data, error, loading } = useQuery(RegionRulesQuery, { id: regionId, at, locale }, !valid);
  const region = data?.region;
  const timeZone = region?.timeZone ?? 'Europe/Helsinki';
  const sessionDay = valid ? nextWeekday(on, 2) : today();
  const startsAt = zonedInstant(sessionDay, '10:00', timeZone).toISOString();
  const month = (valid ? on : today()).slice(0, 7);
  const months = [month, addMonths(month, 1), addMonths(month, 2)] as const;
  const examples = useQuery(
    RulesExamplesQuery,
    { regionId, startsAt, m0: months[0], m1: months[1], m2: months[2] },
    !region,
  );
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(
      new Date(`${date}T00:00:00Z`),
    );

  return (
    <>
      <h1>
        {t.rulesTitle}: {region?.name ?? regionId}
      </h1>
      <TextField className="field" value={on} onChange={setOn}>
        <Label>{t.rulesOn}</Label>
        <Input type="date" />
      </TextField>
      {loading && <p aria-live="polite">{t.loading}</p>}
      {error && <p role="alert">{error}</p>}
      {data && !region && <p>{t.notFound}</p>}
      {region && (
        <>
          <section aria-labelledby="fees">
            <h2 id="fees">{t.feeTable}</h2>
            <p>
              {t.effectiveFrom} {day(region.feeTable.effectiveFrom)}
            </p>
            <table data-testid="fee-table">
              <thead>
                <tr>
                  <th scope="col">{t.category}</th>
                  <th scope="col">{t.hourlyRate}</th>
                  <th scope="col">{t.taxClass}</th>
                </tr>
              </thead>
              <tbody>
                {region.feeTable.rows.map((row) => (
                  <tr key={row.category} data-category={row.category}>
                    <th scope="row">{row.label}</th>
                    <td className="number">{formatEuros(row.hourlyRateCents, locale)}</td>
                    <td>{row.taxClass === 'SALARY' ? 'SALARY' : 'WORK_COMPENSATION'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {region.feeTable.packages.length > 0 && (
              <>
                <h3>{t.packages}</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.packages}</th>
                      <th scope="col">{t.price}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {region.feeTable.packages.map((pkg) => (
                      <tr key={pkg.id}>
                        <th scope="row">{pkg.label}</th>
                        <td className="number">{formatEuros(pkg.priceCents, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section aria-labelledby="cancellation">
            <h2 id="cancellation">{t.cancellation}</h2>
            <p>{region.cancellationPolicy.description}</p>
            {examples.data && (
              <p data-testid="cancellation-example">
                {t.cancellationExample(when(startsAt), when(examples.data.cancellationDeadline))}
              </p>
            )}
          </section>
          <section aria-labelledby="payout">
            <h2 id="payout">{t.payoutDates}</h2>
            {examples.data && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.workMonth}</th>
                    <th scope="col">{t.noticeDue}</th>
                    <th scope="col">{t.paymentOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {([examples.data.m0, examples.data.m1, examples.data.m2] as const).map((dates, i) => (
                    <tr key={months[i]}>
                      <th scope="row">{months[i]}</th>
                      <td>{day(dates.noticeDueOn)}</td>
                      <td>{day(dates.paymentOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="topics">
            <h2 id="topics">{t.topics}</h2>
            <ul className="chips">
              {region.topics.map((topic) => (
                <li key={topic.id}>{topic.label}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="tasks">
            <h2 id="tasks">{t.taskTypes}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.taskTypes}</th>
                  <th scope="col">{t.feeCategory}</th>
                </tr>
              </thead>
              <tbody>
                {region.taskTypes.map((task) => (
                  <tr key={task.id}>
                    <th scope="row">{task.label}</th>
                    <td>{task.paid ? (task.feeCategory ?? '') : t.unpaid}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
