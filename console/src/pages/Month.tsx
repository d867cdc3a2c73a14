import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { CsvDialect } from '../gql/graphql';
import { formatEuros, useI18n } from '../i18n';
import { addMonths, today } from '../time';
import { FormMessages, Gate, hasRole, TextInput, useFormErrors } from './forms';
import { useMonthMessages } from './month.messages';
import { useReloadingQuery } from './paging';
import './pages.css';

export const MONTH_ROLES = ['COORDINATOR', 'UNIT_COORDINATOR'];

const PayoutPeriodQuery = graphql(`
  query ConsolePayoutPeriod($regionId: ID!, $month: String!) {
    payoutPeriod(regionId: $regionId, month: $month) {
      month
      status
      noticeDueOn
      paymentOn
      notices {
        payerId
        unit {
          id
          name
        }
        externalRequester
        status
        approvedAt
        totalCents
        totalsByTaxClass {
          key
          amountCents
        }
        experts {
          expert {
            id
            displayName
            pseudonym
          }
          totalCents
          confirmed
          taxCardMissing
        }
      }
    }
  }
`);

const ApproveNoticeMutation = graphql(`
  mutation ConsoleApprovePayoutNotice($regionId: ID!, $month: String!, $unitId: ID!) {
    approvePayoutNotice(regionId: $regionId, month: $month, unitId: $unitId) {
      payerId
      status
    }
  }
`);

const PayoutCsvQuery = graphql(`
  query ConsolePayoutCsv($regionId: ID!, $month: String!, $unitId: ID!, $dialect: CsvDialect!) {
    payoutCsv(regionId: $regionId, month: $month, unitId: $unitId, dialect: $dialect)
  }
`);

/** Hands a text to the browser as a file to save; the Excel dialect's byte order mark comes with the text. */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** /console/month/<regionId> */
export function MonthPages({ regionId }: { regionId: string }) {
  const t = useMonthMessages();
  const { session } = useSession();
  return (
    <Gate
      signedIn={Boolean(session)}
      allowed={hasRole(session, MONTH_ROLES, regionId)}
      messages={{ signInFirst: t.signInFirst, notAllowed: t.notAllowed }}
    >
      <MonthPage regionId={regionId} />
    </Gate>
  );
}

function MonthPage({ regionId }: { regionId: string }) {
  const t = useMonthMessages();
  const { locale } = useI18n();
  const { session } = useSession();
  // Last month: the one whose notices are due now.
  const [draft, setDraft] = useState(() => addMonths(today().slice(0, 7), -1));
  const [month, setMonth] = useState(draft);
  const { errors, capture, clear } = useFormErrors(['month']);
  const { data, error, reload } = useReloadingQuery(PayoutPeriodQuery, { regionId, month });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const period = data?.payoutPeriod;
  const euros = (cents: number) => formatEuros(cents, locale);
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' }).format(new Date(`${date}T00:00:00Z`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    setAnnouncement(null);
    setMonth(draft);
  };
  const act = async (work: () => Promise<string>) => {
    clear();
    try {
      setAnnouncement(await work());
    } catch (caught) {
      capture(caught);
    }
  };
  const approve = (payerId: string, payer: string) =>
    act(async () => {
      await execute(ApproveNoticeMutation, { regionId, month, unitId: payerId }, session?.token);
      reload();
      return t.approved(payer);
    });
  const download = (payerId: string, dialect: CsvDialect) =>
    act(async () => {
      const { payoutCsv } = await execute(
        PayoutCsvQuery,
        { regionId, month, unitId: payerId, dialect },
        session?.token,
      );
      const safe = payerId.replace(/[^A-Za-z0-9-]+/g, '-');
      const name = `${regionId}-${month}-${safe}-${dialect === 'EXCEL_FI' ? 'excel' : 'rfc4180'}.csv`;
      saveFile(name, payoutCsv);
      return t.downloaded(name);
    });

  return (
    <div className="console-page">
      <h1>
        {t.title}: {month}
      </h1>
      <form className="filters" onSubmit={submit} noValidate>
        <TextInput
          label={t.month}
          name="month"
          type="month"
          value={draft}
          onChange={setDraft}
          error={errors.fields.month}
        />
        <Button type="submit">{t.show}</Button>
      </form>
      {error && <p role="alert">{error}</p>}
      <FormMessages general={errors.general} done={announcement} />
      {period && (
        <>
          <dl className="facts">
            <dt>{t.periodStatus}</dt>
            <dd>{t.periodStatuses[period.status] ?? period.status}</dd>
            <dt>{t.noticeDue}</dt>
            <dd>{day(period.noticeDueOn)}</dd>
            <dt>{t.paymentOn}</dt>
            <dd>{day(period.paymentOn)}</dd>
          </dl>
          {period.notices.length === 0 && <p>{t.noNotices}</p>}
          {period.notices.map((notice) => {
            const payer = notice.unit?.name ?? notice.externalRequester ?? notice.payerId;
            const headingId = `notice-${notice.payerId.replace(/[^A-Za-z0-9-]+/g, '-')}`;
            return (
              <section key={notice.payerId} aria-labelledby={headingId} data-notice={notice.payerId}>
                <h2 id={headingId}>{t.notice(payer)}</h2>
                <dl className="facts">
                  <dt>{t.noticeStatus}</dt>
                  <dd data-testid="notice-status">
                    {t.noticeStatuses[notice.status] ?? notice.status}
                    {notice.approvedAt ? ` (${new Date(notice.approvedAt).toLocaleString(locale)})` : ''}
                  </dd>
                  <dt>{t.total}</dt>
                  <dd>{euros(notice.totalCents)}</dd>
                </dl>
                <table>
                  <caption>{t.byTaxClass}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.taxClass}</th>
                      <th scope="col">{t.amount}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {notice.totalsByTaxClass.map((row) => (
                      <tr key={row.key}>
                        <th scope="row">{t.taxClasses[row.key] ?? row.key}</th>
                        <td className="number">{euros(row.amountCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table>
                  <caption>{t.experts}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.expert}</th>
                      <th scope="col">{t.pseudonym}</th>
                      <th scope="col">{t.amount}</th>
                      <th scope="col">{t.confirmed}</th>
                      <th scope="col">{t.taxCardMissing}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {notice.experts.map((row) => (
                      <tr key={row.expert.id}>
                        <th scope="row">{row.expert.displayName}</th>
                        <td>{row.expert.pseudonym}</td>
                        <td className="number">{euros(row.totalCents)}</td>
                        <td>{row.confirmed ? t.yes : t.no}</td>
                        <td>{row.taxCardMissing ? t.yes : t.no}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="actions" role="group" aria-label={t.notice(payer)}>
                  {notice.status === 'OPEN' && (
                    <Button onPress={() => void approve(notice.payerId, payer)}>{t.approve}</Button>
                  )}
                  <Button onPress={() => void download(notice.payerId, 'EXCEL_FI')}>{t.excel}</Button>
                  <Button onPress={() => void download(notice.payerId, 'RFC4180')}>{t.rfc}</Button>
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
