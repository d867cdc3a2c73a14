import { useId } from 'react';

/** One cell of the chart: its category (or series and month), its value, or suppressed. */
export interface ChartCell {
  /** The month (YYYY-MM) on a line chart; null on a bar chart. */
  month: string | null;
  /** The line the cell belongs to, or the bar's category. */
  series: string;
  value: number | null;
  suppressed: boolean;
}

const WIDTH = 640;
const HEIGHT = 300;
const M = { top: 16, right: 16, bottom: 80, left: 96 };
const PLOT_W = WIDTH - M.left - M.right;
const PLOT_H = HEIGHT - M.top - M.bottom;
const COLOURS = ['#0b3d63', '#b3470b', '#2e6b30', '#6b2e6b', '#5a5a00', '#00607a'];

/**
 * An SVG chart drawn by hand: months as lines (one per series), categories as bars. A suppressed
 * cell is drawn as a hatched column labelled as suppressed, never as a zero; a line breaks there.
 * The chart is one image with a title and a summary; the table beside it carries every value.
 */
export function MetricsChart({
  cells,
  title,
  summary,
  suppressedLabel,
  format,
}: {
  cells: ChartCell[];
  title: string;
  summary: string;
  suppressedLabel: string;
  format: (value: number) => string;
}) {
  const id = useId();
  const hatch = `${id}-hatch`;
  const lines = cells.some((c) => c.month !== null);
  const max = Math.max(1, ...cells.map((c) => c.value ?? 0));
  const y = (value: number) => M.top + PLOT_H - (value / max) * PLOT_H;
  // With every cell suppressed there is no scale to show: an axis of cents would suggest zeros.
  const drawn = cells.some((c) => !c.suppressed && c.value !== null);
  const ticks = drawn ? [0, 0.25, 0.5, 0.75, 1].map((f) => f * max) : [];

  const categories = lines ? [...new Set(cells.map((c) => c.month!))].sort() : [...new Set(cells.map((c) => c.series))];
  const series = [...new Set(cells.map((c) => c.series))];
  const step = PLOT_W / Math.max(1, categories.length);
  const x = (category: string) => M.left + step * categories.indexOf(category) + step / 2;

  const suppressedMark = (cell: ChartCell, key: string) => {
    const cx = x(lines ? cell.month! : cell.series);
    const w = Math.min(step * 0.6, 48);
    return (
      <g key={key} data-suppressed="true">
        <title>{`${lines ? `${cell.series}, ${cell.month}` : cell.series}: ${suppressedLabel}`}</title>
        <rect x={cx - w / 2} y={M.top} width={w} height={PLOT_H} fill={`url(#${hatch})`} stroke="#555" />
        <text
          x={cx}
          y={M.top + PLOT_H / 2}
          transform={`rotate(-90 ${cx} ${M.top + PLOT_H / 2})`}
          textAnchor="middle"
          dominantBaseline="middle"
          className="chart-suppressed"
        >
          {suppressedLabel}
        </text>
      </g>
    );
  };

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-testid="metrics-chart"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <pattern id={hatch} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#fff" />
            <rect width="3" height="8" fill="#767676" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} stroke="#ccc" />
            <text x={M.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="chart-axis">
              {format(tick)}
            </text>
          </g>
        ))}
        {categories.map((category) => (
          <text
            key={category}
            x={x(category)}
            y={HEIGHT - M.bottom + 14}
            textAnchor="end"
            transform={`rotate(-30 ${x(category)} ${HEIGHT - M.bottom + 14})`}
            className="chart-axis"
          >
            {category.length > 20 ? `${category.slice(0, 19)}…` : category}
          </text>
        ))}
        {lines
          ? series.map((name, s) => {
              const colour = COLOURS[s % COLOURS.length]!;
              const own = cells.filter((c) => c.series === name).sort((a, b) => a.month!.localeCompare(b.month!));
              // A suppressed month breaks the line: no segment pretends to know its value.
              const segments: ChartCell[][] = [[]];
              for (const cell of own) {
                if (cell.suppressed || cell.value === null) segments.push([]);
                else segments[segments.length - 1]!.push(cell);
              }
              return (
                <g key={name}>
                  {segments
                    .filter((segment) => segment.length > 0)
                    .map((segment, i) => (
                      <polyline
                        key={i}
                        fill="none"
                        stroke={colour}
                        strokeWidth={2}
                        points={segment.map((c) => `${x(c.month!)},${y(c.value!)}`).join(' ')}
                      />
                    ))}
                  {own.map((cell) =>
                    cell.suppressed ? (
                      suppressedMark(cell, `${name}-${cell.month}`)
                    ) : cell.value === null ? null : (
                      <circle key={cell.month} cx={x(cell.month!)} cy={y(cell.value)} r={4} fill={colour}>
                        <title>{`${name}, ${cell.month}: ${format(cell.value)}`}</title>
                      </circle>
                    ),
                  )}
                </g>
              );
            })
          : cells.map((cell) => {
              if (cell.suppressed) return suppressedMark(cell, cell.series);
              if (cell.value === null) return null;
              const w = Math.min(step * 0.6, 48);
              return (
                <rect
                  key={cell.series}
                  x={x(cell.series) - w / 2}
                  y={y(cell.value)}
                  width={w}
                  height={M.top + PLOT_H - y(cell.value)}
                  fill={COLOURS[0]}
                >
                  <title>{`${cell.series}: ${format(cell.value)}`}</title>
                </rect>
              );
            })}
        <line x1={M.left} x2={WIDTH - M.right} y1={M.top + PLOT_H} y2={M.top + PLOT_H} stroke="#333" />
      </svg>
      {lines && series.length > 1 && (
        <ul className="legend" aria-hidden="true">
          {series.map((name, s) => (
            <li key={name}>
              <span className="swatch" style={{ background: COLOURS[s % COLOURS.length] }} /> {name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
