import { type Locale, translate } from "../app/i18n";

/** Escapes text for HTML email bodies. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Wraps paragraphs (plain text, escaped here) and an optional call-to-action button in a small,
 * accessible HTML email. Builders pass the same paragraphs to `textEmail` for the text part.
 */
export function htmlEmail(input: {
  locale: Locale;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}): string {
  const paragraphs = input.paragraphs
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const action = input.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(input.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#444">${escapeHtml(input.action.url)}</p>`
    : "";
  const footer = escapeHtml(input.footer ?? translate(input.locale, "email.footer"));
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.heading)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:24px">
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(input.heading)}</h1>
${paragraphs}
${action}
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">
<p style="font-size:13px;color:#555">${footer}</p>
</body></html>`;
}

export function textEmail(input: {
  locale: Locale;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}): string {
  const parts = [input.heading, "", ...input.paragraphs.flatMap((p) => [p, ""])];
  if (input.action) parts.push(`${input.action.label}: ${input.action.url}`, "");
  parts.push("-- ", translate(input.locale, "email.footer"));
  return parts.join("\n");
}

/** The text and HTML parts of a plain email (no calendar file), in the recipient's language. */
export function emailParts(input: {
  locale: Locale;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}): { text: string; html: string } {
  return { text: textEmail(input), html: htmlEmail(input) };
}
