/**
 * A chart drawn on the server (render.server.ts), shown as its SVG markup: the page needs no chart
 * code, and hydration keeps the server's markup as it is.
 */
export function ChartSvg({ svg }: { svg: string }) {
  return (
    <div
      className="chart-svg"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: React rendered it on the server from our own data, texts escaped
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
