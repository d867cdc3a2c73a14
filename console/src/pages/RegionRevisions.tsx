import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { Button, FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';
import { execute, GraphQLRequestError, type ApiError } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { ConsoleRegionEditingQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { zonedInstant } from '../time';
import { useQuery } from '../useQuery';
import { REVISION_MESSAGES } from './region-revisions.messages';

const EditingQuery = graphql(`
  query ConsoleRegionEditing($id: ID!, $at: DateTime, $locale: String) {
    region(id: $id, at: $at) {
      id
      locales
      timeZone
      feeTable {
        rows {
          category
          labels
          label(locale: $locale)
          hourlyRateCents
          taxClass
          taxClassIsDefault
        }
      }
      cancellationPolicy {
        hoursBefore
        daysBefore
        localTime
      }
      topics {
        id
        labels
        emphasized
      }
    }
  }
`);

const RevisionsQuery = graphql(`
  query ConsoleRegionRevisions($regionId: ID!) {
    regionRevisions(regionId: $regionId, first: 100) {
      id
      status
      effectiveFrom
      reason
      authorId
      authorName
      publishedAt
      version
      diff {
        path
        before
        after
      }
    }
  }
`);

const ProposeMutation = graphql(`
  mutation ConsoleProposeRevision($input: ProposeRegionRevisionInput!) {
    proposeRegionRevision(input: $input) {
      id
      status
      effectiveFrom
      version
      diff {
        path
        before
        after
      }
    }
  }
`);

const PublishMutation = graphql(`
  mutation ConsolePublishRevision($id: ID!, $expectedVersion: Int) {
    publishRegionRevision(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      publishedAt
    }
  }
`);

type Region = NonNullable<ConsoleRegionEditingQuery['region']>;
type Diff = { path: string; before?: string | null; after?: string | null }[];
type Draft = { id: string; version: number; diff: Diff };

/**
 * The API names the rule it refuses by its path in the message, e.g.
 * `changes.feeTable.rows[3].hourlyRateCents: changes: feeTable.rows[3].hourlyRateCents: expected a positive integer`.
 * Each problem becomes an error of the form field of that name; the rest are the form's own.
 */
export function fieldErrors(errors: ApiError[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const error of errors) {
    const field = error.extensions?.code === 'BAD_USER_INPUT' ? error.extensions.field : undefined;
    if (!field) {
      other.push(error.message);
      continue;
    }
    const text = error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
    for (const part of text.split('; ')) {
      const inChanges = /^changes: (\S+): (.+)$/.exec(part);
      // A text missing in one locale is named at the text; its field is that locale's.
      const locale = inChanges && /\.label$/.test(inChanges[1]!) && /locale "(\w+)"/.exec(inChanges[2]!);
      if (inChanges) fields[`changes.${inChanges[1]}${locale ? `.${locale[1]}` : ''}`] ??= inChanges[2]!;
      else fields[field] ??= part;
    }
  }
  return { fields, other };
}

/** "42,50" or "42.5" in euros to cents; null when it is no amount. Negative amounts pass, for the API to judge. */
function parseCents(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

const euros = (cents: number) => (cents / 100).toFixed(2);

export function RegionRevisions({ regionId, onPublished }: { regionId: string; onPublished: () => void }) {
  const { locale } = useI18n();
  const t = REVISION_MESSAGES[locale];
  // Publishing starts a new form; drafting or publishing reads the list again.
  const [generation, setGeneration] = useState(0);
  const [drafts, setDrafts] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const published = () => {
    setNotice(t.published);
    setGeneration((g) => g + 1);
    onPublished();
  };
  const drafted = () => {
    setNotice(null);
    setDrafts((n) => n + 1);
  };
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">{t.revisionsTitle}</h2>
      {notice && <p role="status">{notice}</p>}
      <DraftForm key={`form-${generation}`} regionId={regionId} onDrafted={drafted} onPublished={published} />
      <RevisionList key={`list-${generation}-${drafts}`} regionId={regionId} onPublished={published} />
    </section>
  );
}

function DraftForm({
  regionId,
  onDrafted,
  onPublished,
}: {
  regionId: string;
  onDrafted: () => void;
  onPublished: () => void;
}) {
  const { locale } = useI18n();
  const t = REVISION_MESSAGES[locale];
  const { session } = useSession();
  const [effectiveDate, setEffectiveDate] = useState('');
  const [reason, setReason] = useState('');
  // Only what the admin edited; everything else is sent as it is in force.
  const [rates, setRates] = useState<Record<string, string>>({});
  const [deadline, setDeadline] = useState<{ days?: string; localTime?: string; hours?: string }>({});
  const [topic, setTopic] = useState<{ id: string; labels: Record<string, string> }>({ id: '', labels: {} });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate);
  const base = useQuery(EditingQuery, {
    id: regionId,
    at: validDate ? `${effectiveDate}T12:00:00Z` : undefined,
    locale,
  });
  const region = base.data?.region;
  if (!region) return base.error ? <p role="alert">{base.error}</p> : null;

  const newTopicIndex = region.topics.length;
  const deadlineKind = region.cancellationPolicy.hoursBefore != null ? 'hours' : 'days';

  const buildChanges = (): { changes: Record<string, unknown>; local: Record<string, string> } => {
    const changes: Record<string, unknown> = {};
    const local: Record<string, string> = {};
    if (Object.keys(rates).length > 0) {
      changes.feeTable = {
        rows: region.feeTable.rows.map((row, i) => {
          const edited = rates[row.category];
          let hourlyRateCents = row.hourlyRateCents;
          if (edited !== undefined) {
            const cents = parseCents(edited);
            if (cents === null) local[`changes.feeTable.rows[${i}].hourlyRateCents`] = t.notANumber;
            else hourlyRateCents = cents;
          }
          return {
            category: row.category,
            label: row.labels,
            hourlyRateCents,
            taxClass: row.taxClass,
            taxClassIsDefault: row.taxClassIsDefault,
          };
        }),
      };
    }
    const policy: Record<string, unknown> = {};
    const integer = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text) : text);
    if (deadline.hours !== undefined) policy.hoursBefore = integer(deadline.hours);
    if (deadline.days !== undefined) policy.daysBefore = integer(deadline.days);
    if (deadline.localTime !== undefined) policy.localTime = deadline.localTime.trim();
    if (Object.keys(policy).length > 0) changes.cancellationPolicy = policy;
    const labels = Object.fromEntries(Object.entries(topic.labels).filter(([, text]) => text.trim() !== ''));
    if (topic.id.trim() !== '' || Object.keys(labels).length > 0) {
      changes.topics = [
        ...region.topics.map((existing) => ({
          id: existing.id,
          label: existing.labels,
          emphasized: existing.emphasized,
        })),
        { id: topic.id.trim(), label: labels },
      ];
    }
    return { changes, local };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { changes, local } = buildChanges();
    if (!validDate) local.effectiveFrom = t.required;
    setFormErrors([]);
    setDraft(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setFormErrors([t.nothingChanged]);
      return;
    }
    setBusy(true);
    try {
      const result = await execute(
        ProposeMutation,
        {
          input: {
            regionId,
            effectiveFrom: zonedInstant(effectiveDate, '00:00', region.timeZone).toISOString(),
            reason,
            changes,
          },
        },
        session?.token,
      );
      setErrors({});
      setDraft(result.proposeRegionRevision);
      onDrafted();
    } catch (caught) {
      const found =
        caught instanceof GraphQLRequestError
          ? fieldErrors(caught.errors)
          : { fields: {}, other: [(caught as Error).message] };
      setErrors(found.fields);
      const known = new Set(fieldNames(region, newTopicIndex, deadlineKind));
      setFormErrors([
        ...found.other,
        ...Object.entries(found.fields)
          .filter(([name]) => !known.has(name))
          .map(([name, message]) => `${name}: ${message}`),
      ]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{t.draftTitle}</h3>
      <p>{t.draftIntro}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="revision-form" aria-label={t.draftTitle}>
        {formErrors.length > 0 && (
          <div role="alert" className="form-errors">
            <p>{t.formErrors}:</p>
            <ul>
              {formErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <PathField
          path="effectiveFrom"
          errors={errors}
          label={t.effectiveFrom}
          className="field"
          value={effectiveDate}
          onChange={setEffectiveDate}
          inputProps={{ type: 'date' }}
        />
        <PathField
          path="reason"
          errors={errors}
          label={t.reason}
          className="field wide"
          value={reason}
          onChange={setReason}
          description={t.reasonHelp}
        />

        <fieldset>
          <legend>{t.feeRates}</legend>
          <div className="rate-grid">
            {region.feeTable.rows.map((row, i) => (
              <PathField
                key={row.category}
                path={`changes.feeTable.rows[${i}].hourlyRateCents`}
                errors={errors}
                label={t.rateOf(row.label)}
                className="field"
                value={rates[row.category] ?? euros(row.hourlyRateCents)}
                onChange={(value) => setRates((previous) => ({ ...previous, [row.category]: value }))}
                inputMode="decimal"
                data-category={row.category}
              />
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.cancellationDeadline}</legend>
          {deadlineKind === 'hours' ? (
            <PathField
              path="changes.cancellationPolicy.deadline.hours"
              errors={errors}
              label={t.hoursBefore}
              className="field"
              value={deadline.hours ?? String(region.cancellationPolicy.hoursBefore)}
              onChange={(hours) => setDeadline((d) => ({ ...d, hours }))}
              inputMode="numeric"
            />
          ) : (
            <>
              <PathField
                path="changes.cancellationPolicy.deadline.days"
                errors={errors}
                label={t.daysBefore}
                className="field"
                value={deadline.days ?? String(region.cancellationPolicy.daysBefore ?? '')}
                onChange={(days) => setDeadline((d) => ({ ...d, days }))}
                inputMode="numeric"
              />
              <PathField
                path="changes.cancellationPolicy.deadline.localTime"
                errors={errors}
                label={t.localTime}
                className="field"
                value={deadline.localTime ?? region.cancellationPolicy.localTime ?? ''}
                onChange={(localTime) => setDeadline((d) => ({ ...d, localTime }))}
              />
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t.newTopic}</legend>
          <PathField
            path={`changes.topics[${newTopicIndex}].id`}
            errors={errors}
            label={t.topicId}
            className="field"
            value={topic.id}
            onChange={(id) => setTopic((previous) => ({ ...previous, id }))}
          />
          {region.locales.map((code) => (
            <PathField
              key={code}
              path={`changes.topics[${newTopicIndex}].label.${code}`}
              errors={errors}
              label={t.topicLabel(code)}
              className="field"
              value={topic.labels[code] ?? ''}
              onChange={(text) =>
                setTopic((previous) => ({ ...previous, labels: { ...previous.labels, [code]: text } }))
              }
              inputProps={{ lang: code }}
            />
          ))}
        </fieldset>

        <Button type="submit" isDisabled={busy}>
          {busy ? t.drafting : t.draft}
        </Button>
      </form>

      {draft && (
        <section aria-labelledby="draft-diff" className="draft">
          <h3 id="draft-diff">{t.diffTitle}</h3>
          <p role="status">{t.draftCreated}</p>
          <DiffTable diff={draft.diff} />
          <PublishButton id={draft.id} version={draft.version} onPublished={onPublished} />
        </section>
      )}
    </>
  );
}

/** Names of the form's fields, so that an error for any other path is shown at the form. */
function fieldNames(region: Region, newTopicIndex: number, deadlineKind: 'hours' | 'days'): string[] {
  return [
    'effectiveFrom',
    'reason',
    ...region.feeTable.rows.map((_, i) => `changes.feeTable.rows[${i}].hourlyRateCents`),
    ...(deadlineKind === 'hours'
      ? ['changes.cancellationPolicy.deadline.hours']
      : ['changes.cancellationPolicy.deadline.days', 'changes.cancellationPolicy.deadline.localTime']),
    `changes.topics[${newTopicIndex}].id`,
    ...region.locales.map((code) => `changes.topics[${newTopicIndex}].label.${code}`),
  ];
}

function PublishButton({ id, version, onPublished }: { id: string; version: number; onPublished: () => void }) {
  const { locale } = useI18n();
  const t = REVISION_MESSAGES[locale];
  const { session } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await execute(PublishMutation, { id, expectedVersion: version }, session?.token);
      onPublished();
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  };
  return (
    <>
      <Button onPress={() => void publish()} isDisabled={busy}>
        {t.publish}
      </Button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

function DiffTable({ diff }: { diff: Diff }) {
  const { locale } = useI18n();
  const t = REVISION_MESSAGES[locale];
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t.path}</th>
          <th scope="col">{t.before}</th>
          <th scope="col">{t.after}</th>
        </tr>
      </thead>
      <tbody>
        {diff.map((change) => (
          <tr key={change.path} data-path={change.path}>
            <th scope="row">
              <code>{change.path}</code>
            </th>
            <td>
              <code>{change.before ?? '—'}</code>
            </td>
            <td>
              <code>{change.after ?? '—'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevisionList({ regionId, onPublished }: { regionId: string; onPublished: () => void }) {
  const { locale } = useI18n();
  const t = REVISION_MESSAGES[locale];
  const { data, error } = useQuery(RevisionsQuery, { regionId });
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Helsinki' }).format(new Date(iso));
  if (error) return <p role="alert">{error}</p>;
  if (!data) return null;
  if (data.regionRevisions.length === 0) return <p>{t.noRevisions}</p>;
  return (
    <table data-testid="revisions">
      <caption>{t.revisionsTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{t.effectiveFrom}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.author}</th>
          <th scope="col">{t.reason}</th>
          <th scope="col">{t.publishedAt}</th>
          <th scope="col">{t.diffTitle}</th>
        </tr>
      </thead>
      <tbody>
        {data.regionRevisions.map((revision) => (
          <tr key={revision.id} data-status={revision.status}>
            <th scope="row">{when(revision.effectiveFrom)}</th>
            <td>
              {t.statuses[revision.status] ?? revision.status}
              {revision.status === 'DRAFT' && (
                <PublishButton id={revision.id} version={revision.version} onPublished={onPublished} />
              )}
            </td>
            <td>{revision.authorName ?? revision.authorId}</td>
            <td>{revision.reason}</td>
            <td>{revision.publishedAt ? when(revision.publishedAt) : '—'}</td>
            <td>
              <details>
                <summary>{t.changes(revision.diff.length)}</summary>
                <DiffTable diff={revision.diff} />
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A text field named by the path the API uses for it (`changes.feeTable.rows[3].hourlyRateCents`),
 * so that a refusal naming that path shows beside it.
 */
function PathField({
  path,
  errors,
  label,
  description,
  inputProps,
  ...field
}: Omit<TextFieldProps, 'name' | 'isInvalid' | 'validationBehavior'> & {
  path: string;
  errors: Record<string, string | undefined>;
  label: string;
  description?: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  'data-category'?: string;
}) {
  return (
    <TextField {...field} validationBehavior="aria" isInvalid={!!errors[path]} name={path}>
      <Label>{label}</Label>
      <Input {...inputProps} />
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errors[path]}</FieldError>
    </TextField>
  );
}
