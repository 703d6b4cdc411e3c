// Horizontal grouped bars as plain SVG, rendered on the server: one group per row, one bar per
// series, the value printed at the end of each bar. No chart library, no script.

export interface Series {
  name: string;
  color: string;
}

export interface BarRow {
  label: string;
  /** one value per series; null draws nothing (e.g. no plan) */
  values: Array<number | null>;
}

const LABEL_W = 230;
const VALUE_W = 48;
const BAR_H = 12;
const GAP = 12;
const WIDTH = 960;

const clip = (s: string, max = 16) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

export function BarChart({ rows, series, title }: { rows: BarRow[]; series: Series[]; title: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const groupH = series.length * BAR_H + GAP;
  const top = 28;
  const height = top + rows.length * groupH + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} style={{ width: "100%", maxWidth: WIDTH * 1.2, height: "auto" }}>
        <title>{title}</title>
        {series.map((s, i) => (
          <g key={s.name} transform={`translate(${LABEL_W + i * 120}, 6)`}>
            <rect width={12} height={12} fill={s.color} rx={2} />
            <text x={17} y={11} fontSize={13} fill="#1b2430">{s.name}</text>
          </g>
        ))}
        {rows.map((r, ri) => {
          const y0 = top + ri * groupH;
          return (
            <g key={`${r.label}${ri}`}>
              <text x={LABEL_W - 8} y={y0 + (series.length * BAR_H) / 2 + 5} fontSize={13} textAnchor="end" fill="#1b2430">
                <title>{r.label}</title>
                {clip(r.label)}
              </text>
              {r.values.map((v, si) =>
                v === null ? null : (
                  <g key={si}>
                    <rect x={LABEL_W} y={y0 + si * BAR_H} width={Math.max(v > 0 ? 1.5 : 0, (v / max) * plotW)} height={BAR_H - 2} fill={series[si].color} rx={1.5}>
                      <title>{`${r.label} · ${series[si].name}: ${v}`}</title>
                    </rect>
                    <text x={LABEL_W + (v / max) * plotW + 4} y={y0 + si * BAR_H + BAR_H - 3} fontSize={11} fill="#3a4654">{v}</text>
                  </g>
                ),
              )}
            </g>
          );
        })}
        <line x1={LABEL_W} x2={LABEL_W} y1={top - 4} y2={height - 4} stroke="#8a96a6" />
      </svg>
    </figure>
  );
}
