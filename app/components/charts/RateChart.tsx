// A pass-rate trend as plain SVG columns (0–100 %), one per point in time order, with an
// optional dashed reference line (e.g. the overall rate). Rendered on the server.

export interface RatePoint {
  label: string;
  sub: string;
  /** 0..1, or null when nobody sat */
  value: number | null;
  /** e.g. "18/22" */
  note: string;
}

const WIDTH = 960;
const HEIGHT = 230;
const LEFT = 40;
const TOP = 16;
const PLOT_H = 150;

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function RateChart({ points, title, reference, referenceLabel }: { points: RatePoint[]; title: string; reference?: number | null; referenceLabel?: string }) {
  const slot = Math.min(110, (WIDTH - LEFT - 10) / Math.max(1, points.length));
  const barW = Math.min(46, slot * 0.62);
  const y = (v: number) => TOP + PLOT_H * (1 - v);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} style={{ width: "100%", maxWidth: WIDTH * 1.2, height: "auto" }}>
        <title>{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - 6} y1={y(t)} y2={y(t)} stroke="#e1e6ed" />
            <text x={LEFT - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill="#5a6675">{t * 100}%</text>
          </g>
        ))}
        {points.map((p, i) => {
          const cx = LEFT + slot * i + slot / 2;
          return (
            <g key={`${p.label}${i}`}>
              {p.value !== null && (
                <>
                  <rect x={cx - barW / 2} y={y(p.value)} width={barW} height={PLOT_H * p.value} fill={p.value >= 0.8 ? "#2c8a4b" : p.value >= 0.6 ? "#c98a1a" : "#b3261e"} rx={2}>
                    <title>{`${p.label} ${p.sub}: ${pct(p.value)} (${p.note})`}</title>
                  </rect>
                  <text x={cx} y={y(p.value) - 4} fontSize={12} textAnchor="middle" fill="#1b2430" fontWeight={700}>{pct(p.value)}</text>
                </>
              )}
              <text x={cx} y={TOP + PLOT_H + 16} fontSize={11} textAnchor="middle" fill="#1b2430">{p.label}</text>
              <text x={cx} y={TOP + PLOT_H + 30} fontSize={10} textAnchor="middle" fill="#5a6675">{p.sub}</text>
              <text x={cx} y={TOP + PLOT_H + 44} fontSize={10} textAnchor="middle" fill="#5a6675">{p.note}</text>
            </g>
          );
        })}
        {reference !== undefined && reference !== null && (
          <g>
            <line x1={LEFT} x2={WIDTH - 6} y1={y(reference)} y2={y(reference)} stroke="#1d3f6e" strokeDasharray="5 4" />
            <text x={WIDTH - 8} y={y(reference) - 4} fontSize={11} textAnchor="end" fill="#1d3f6e">{referenceLabel} {pct(reference)}</text>
          </g>
        )}
        <line x1={LEFT} x2={WIDTH - 6} y1={y(0)} y2={y(0)} stroke="#8a96a6" />
      </svg>
    </figure>
  );
}
