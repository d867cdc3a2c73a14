import { useState, type FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Input, Label, TextField } from 'react-aria-components';
import { regionsWithRole } from '../access';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { ConsoleMetricsQuery, Measure, MetricDimension } from '../gql/graphql';
import { formatEuros, useI18n, type Locale } from '../i18n';
import { useQuery } from '../useQuery';
import { MetricsChart, type ChartCell } from './MetricsChart';
import { METRICS_MESSAGES } from './metrics.messages';

const MetricsRegionsQuery = graphql(`
  query ConsoleMetricsRegions($locale: String) {
    regions {
      id
      name(locale: $locale)
    }
  }
`);

const MetricsQuery = graphql(`
  query ConsoleMetrics($input: MetricsInput!) {
    metrics(input: $input) {
      source
      rows {
        suppressed
        dimensions {
          dimension
          value
          label
        }
        values {
          measure
          value
        }
      }
    }
  }
`);

const MetricsCsvQuery = graphql(`
  query ConsoleMetricsCsv($input: MetricsInput!) {
    metricsCsv(input: $input)
  }
`);

const DIMENSIONS: MetricDimension[] = [
  'MONTH',
  'REGION',
  'UNIT',
  'TASK_TYPE',
  'TOPIC',
  'SERVICE_INTERFACE',
  'ORDERING_MODEL',
];
const MEASURES: Measure[] = [
  'FEES_CENTS',
  'FEES_SALARY_CENTS',
  'FEES_WORK_COMPENSATION_CENTS',
  'MINUTES_WORKED',
  'SESSIONS_COMPLETED',
  'DISTINCT_EXPERTS',
  'ORDERS',
  'LATE_CANCELLATIONS',
  'NO_SHOWS',
  'MEDIAN_HOURS_TO_MATCH',
  'OFFER_ACCEPTANCE_RATE',
  'FEEDBACK_AVERAGE_EXPERT',
  'FEEDBACK_AVERAGE_CLIENT',
  'FEEDBACK_AVERAGE_PROFESSIONAL',
  'TOPIC_DEMAND',
  'TOPIC_SUPPLY',
];

type Input = { regionIds: string[]; from: string; to: string; groupBy: MetricDimension[]; measures: Measure[] };

export function formatMeasure(measure: string, value: number, locale: Locale): string {
  if (measure.endsWith('_CENTS')) return formatEuros(Math.round(value), locale);
  if (measure === 'OFFER_ACCEPTANCE_RATE')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Last year, whole: the demo data and the usual annual comparison both live there. */
function lastYear(): { from: string; to: string } {
  const year = new Date().getUTCFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function MetricsPage() {
  const { locale } = useI18n();
  const t = METRICS_MESSAGES[locale];
  const { session } = useSession();
  const national = regionsWithRole(session, ['NATIONAL_ANALYST']).length > 0;
  const own = regionsWithRole(session, ['ANALYST']);
  const regionList = useQuery(MetricsRegionsQuery, { locale });
  const regions = (regionList.data?.regions ?? []).filter((r) => national || own.includes(r.id));

  // Until the analyst chooses: their own region, or every region for a national analyst.
  const [regionIds, setRegionIds] = useState<string[] | null>(null);
  const [from, setFrom] = useState(lastYear().from);
  const [to, setTo] = useState(lastYear().to);
  const [groupBy, setGroupBy] = useState<MetricDimension[]>(['MONTH']);
  const [measures, setMeasures] = useState<Measure[]>(['FEES_CENTS', 'DISTINCT_EXPERTS']);
  const [chartMeasure, setChartMeasure] = useState<Measure>('FEES_CENTS');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ input: Input; table: ConsoleMetricsQuery['metrics'] } | null>(null);

  const chosenRegions = regionIds ?? (national ? regions.map((r) => r.id) : own);

  const show = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (chosenRegions.length === 0) local.regionIds = t.chooseOne;
    if (measures.length === 0) local.measures = t.chooseOne;
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    const input: Input = { regionIds: chosenRegions, from, to, groupBy, measures };
    setBusy(true);
    try {
      const data = await execute(MetricsQuery, { input }, session?.token);
      setResult({ input, table: data.metrics });
      if (!measures.includes(chartMeasure)) setChartMeasure(measures[0]!);
    } catch (caught) {
      // The API names the field it refuses (`input.to: ...`); show it there when the form has it.
      const message = (caught as Error).message;
      const field = /^input\.(\w+): (.*)$/.exec(message);
      if (field && ['regionIds', 'from', 'to', 'groupBy', 'measures'].includes(field[1]!))
        setErrors({ [field[1]!]: field[2]! });
      else setFailure(message);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!result) return;
    const data = await execute(MetricsCsvQuery, { input: result.input }, session?.token);
    const url = URL.createObjectURL(new Blob([data.metricsCsv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `metrics-${result.input.from}-${result.input.to}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form noValidate onSubmit={(event) => void show(event)} className="metrics-form" aria-label={t.title}>
        <CheckboxGroup
          value={chosenRegions}
          onChange={setRegionIds}
          isInvalid={!!errors.regionIds}
          validationBehavior="aria"
          className="choices"
        >
          <Label>{t.regions}</Label>
          {regions.map((region) => (
            <Checkbox key={region.id} value={region.id}>
              <span className="box" aria-hidden="true" /> {region.name}
            </Checkbox>
          ))}
          <FieldError>{errors.regionIds}</FieldError>
        </CheckboxGroup>
        <div className="period">
          <TextField
            className="field"
            value={from}
            onChange={setFrom}
            isInvalid={!!errors.from}
            validationBehavior="aria"
          >
            <Label>{t.from}</Label>
            <Input type="date" />
            <FieldError>{errors.from}</FieldError>
          </TextField>
          <TextField className="field" value={to} onChange={setTo} isInvalid={!!errors.to} validationBehavior="aria">
            <Label>{t.to}</Label>
            <Input type="date" />
            <FieldError>{errors.to}</FieldError>
          </TextField>
        </div>
        <CheckboxGroup
          value={groupBy}
          onChange={(value) => setGroupBy(value as MetricDimension[])}
          isInvalid={!!errors.groupBy}
          validationBehavior="aria"
          className="choices"
        >
          <Label>{t.groupBy}</Label>
          {DIMENSIONS.map((dimension) => (
            <Checkbox key={dimension} value={dimension}>
              <span className="box" aria-hidden="true" /> {t.dimensions[dimension]}
            </Checkbox>
          ))}
          <FieldError>{errors.groupBy}</FieldError>
        </CheckboxGroup>
        <CheckboxGroup
          value={measures}
          onChange={(value) => setMeasures(value as Measure[])}
          isInvalid={!!errors.measures}
          validationBehavior="aria"
          className="choices"
        >
          <Label>{t.measures}</Label>
          {MEASURES.map((measure) => (
            <Checkbox key={measure} value={measure}>
              <span className="box" aria-hidden="true" /> {t.measureNames[measure]}
            </Checkbox>
          ))}
          <FieldError>{errors.measures}</FieldError>
        </CheckboxGroup>
        <Button type="submit" isDisabled={busy}>
          {busy ? t.loading : t.show}
        </Button>
      </form>
      {failure && <p role="alert">{failure}</p>}
      {result && (
        <MetricsResult
          input={result.input}
          table={result.table}
          chartMeasure={result.input.measures.includes(chartMeasure) ? chartMeasure : result.input.measures[0]!}
          onChartMeasure={setChartMeasure}
          onDownload={() => void download()}
        />
      )}
    </>
  );
}

function MetricsResult({
  input,
  table,
  chartMeasure,
  onChartMeasure,
  onDownload,
}: {
  input: Input;
  table: ConsoleMetricsQuery['metrics'];
  chartMeasure: Measure;
  onChartMeasure: (measure: Measure) => void;
  onDownload: () => void;
}) {
  const { locale } = useI18n();
  const t = METRICS_MESSAGES[locale];
  const monthly = input.groupBy.includes('MONTH');
  const others = input.groupBy.filter((d) => d !== 'MONTH');
  const cells: ChartCell[] = table.rows.map((row) => {
    const label = (d: string) => row.dimensions.find((v) => v.dimension === d)?.label ?? '';
    const series = others.map(label).join(' · ') || t.total;
    return {
      month: monthly ? (row.dimensions.find((v) => v.dimension === 'MONTH')?.value ?? '') : null,
      series,
      value: row.values.find((v) => v.measure === chartMeasure)?.value ?? null,
      suppressed: row.suppressed,
    };
  });
  const suppressedCount = cells.filter((c) => c.suppressed).length;
  const measureName = t.measureNames[chartMeasure] ?? chartMeasure;
  const groups = input.groupBy.map((d) => t.dimensions[d]).join(', ') || t.total;

  return (
    <section aria-labelledby="metrics-result" className="metrics-result">
      <h2 id="metrics-result">{t.chartTitle(measureName, groups)}</h2>
      <div className="toolbar">
        <label>
          {t.chartMeasure}{' '}
          <select value={chartMeasure} onChange={(event) => onChartMeasure(event.target.value as Measure)}>
            {input.measures.map((measure) => (
              <option key={measure} value={measure}>
                {t.measureNames[measure]}
              </option>
            ))}
          </select>
        </label>
        <Button onPress={onDownload}>{t.downloadCsv}</Button>
      </div>
      {table.rows.length === 0 ? (
        <p>{t.noRows}</p>
      ) : (
        <div className="chart-and-table">
          <MetricsChart
            cells={cells}
            title={t.chartTitle(measureName, groups)}
            summary={t.chartSummary(cells.length - suppressedCount, suppressedCount)}
            suppressedLabel={t.suppressed}
            format={(value) => formatMeasure(chartMeasure, value, locale)}
          />
          <div className="table-scroll" role="region" aria-label={t.table} tabIndex={0}>
            <table data-testid="metrics-table">
              <thead>
                <tr>
                  {input.groupBy.map((d) => (
                    <th scope="col" key={d}>
                      {t.dimensions[d]}
                    </th>
                  ))}
                  {input.measures.map((m) => (
                    <th scope="col" key={m}>
                      {t.measureNames[m]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i} data-suppressed={row.suppressed || undefined}>
                    {input.groupBy.map((d) => (
                      <th scope="row" key={d}>
                        {row.dimensions.find((v) => v.dimension === d)?.label}
                      </th>
                    ))}
                    {input.measures.map((m) => {
                      const value = row.values.find((v) => v.measure === m)?.value;
                      return (
                        <td key={m} className="number">
                          {row.suppressed ? (
                            <span className="suppressed">{t.suppressed}</span>
                          ) : value === null || value === undefined ? (
                            '—'
                          ) : (
                            formatMeasure(m, value, locale)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
