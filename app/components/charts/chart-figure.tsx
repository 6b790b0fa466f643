/**
 * A chart drawn on the server (render.server.ts) with its caption, shown as the figure's markup:
 * the page needs no chart code, and hydration keeps the server's markup as it is.
 */
export function ChartFigure({
  html,
  className = "chart-figure",
  testId,
}: {
  html: string;
  className?: string;
  testId?: string;
}) {
  return (
    <figure
      className={className}
      data-testid={testId}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: React rendered it on the server from our own data, texts escaped
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
