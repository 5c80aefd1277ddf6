/** A horizontal bar chart in SVG with the figures written out, so it reads without colour. */
export function BarChart({ title, rows, format }: { title: string; rows: Array<{ label: string; value: number }>; format: (v: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 28;
  const labelW = 200;
  const barW = 360;
  return (
    <figure>
      <svg class="chart" role="img" aria-label={title} viewBox={`0 0 ${labelW + barW + 90} ${rows.length * rowH + 10}`} width="100%">
        <title>{title}</title>
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * rowH + 5})`}>
            <text x={labelW - 8} y={rowH / 2 + 4} text-anchor="end">{r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}</text>
            <rect x={labelW} y={4} height={rowH - 10} width={Math.max(1, (r.value / max) * barW)} fill="#9b1c1c" />
            <text x={labelW + (r.value / max) * barW + 6} y={rowH / 2 + 4}>{format(r.value)}</text>
          </g>
        ))}
      </svg>
      <figcaption class="hint">{title}</figcaption>
    </figure>
  );
}
