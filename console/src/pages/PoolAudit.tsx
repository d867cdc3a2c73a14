import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { TextInput } from './forms';
import { useKeysetList } from './paging';
import { usePoolMessages } from './pool.messages';

// One selection for the admin's log and the coordinator's view of one expert.
graphql(`
  fragment ConsoleAuditEntry on AuditEntry {
    id
    at
    actorId
    actorName
    grant
    action
    fields
    operation
    reason
    subjectId
  }
`);

const AuditQuery = graphql(`
  query ConsoleAuditLog($regionId: ID!, $subjectId: ID, $first: Int, $after: String) {
    auditLog(regionId: $regionId, subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ConsoleAuditEntry
      }
    }
  }
`);

const ExpertAuditQuery = graphql(`
  query ConsoleExpertAudit($expertId: ID!, $first: Int, $after: String) {
    expertAudit(expertId: $expertId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ConsoleAuditEntry
      }
    }
  }
`);

/**
 * Who read or changed experts' data, newest first: the region admin's audit log, or, for one
 * expert, the audit the region's coordinator reads on the expert's page.
 */
export function AuditTable({
  regionId,
  subjectId,
  expertId,
}: {
  regionId: string;
  /** The admin's filter on one expert. */
  subjectId?: string;
  /** The coordinator's view of one expert. */
  expertId?: string;
}) {
  const t = usePoolMessages();
  const { locale } = useI18n();
  const { session } = useSession();
  const list = useKeysetList(JSON.stringify([regionId, subjectId, expertId, session?.token]), async (after) =>
    expertId
      ? (await execute(ExpertAuditQuery, { expertId, first: 50, after }, session?.token)).expertAudit
      : (await execute(AuditQuery, { regionId, ...(subjectId ? { subjectId } : {}), first: 50, after }, session?.token))
          .auditLog,
  );
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(
      new Date(iso),
    );
  return (
    <>
      {list.error && <p role="alert">{list.error}</p>}
      {list.total === 0 && <p>{t.auditEmpty}</p>}
      {list.rows.length > 0 && (
        <table data-testid="audit">
          <thead>
            <tr>
              <th scope="col">{t.at}</th>
              <th scope="col">{t.actor}</th>
              <th scope="col">{t.grant}</th>
              <th scope="col">{t.action}</th>
              <th scope="col">{t.fields}</th>
              <th scope="col">{t.operation}</th>
              {!subjectId && !expertId && <th scope="col">{t.subject}</th>}
            </tr>
          </thead>
          <tbody>
            {list.rows.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{when(entry.at)}</th>
                <td>{entry.actorName ?? entry.actorId}</td>
                <td>{entry.grant}</td>
                <td>{entry.action}</td>
                <td>{entry.fields.join(', ')}</td>
                <td>{entry.operation ?? ''}</td>
                {!subjectId && !expertId && <td>{entry.subjectId}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.hasNextPage && (
        <Button isDisabled={list.loading} onPress={list.loadMore}>
          {t.loadMore}
        </Button>
      )}
    </>
  );
}

export function PoolAuditPage({ regionId }: { regionId: string }) {
  const t = usePoolMessages();
  const [draft, setDraft] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubjectId(draft.trim());
  };
  return (
    <div className="console-page">
      <h1>
        {t.auditTitle}: {regionId}
      </h1>
      <form className="filters" onSubmit={submit} aria-label={t.filters}>
        <TextInput
          label={t.auditSubject}
          name="subjectId"
          description={t.auditAllSubjects}
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit">{t.show}</Button>
      </form>
      <AuditTable regionId={regionId} {...(subjectId ? { subjectId } : {})} />
    </div>
  );
}
