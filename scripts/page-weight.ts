/**
 * Page weight as a browser sees it: every response of one page load in Chromium, bytes on the wire
 * (compressed bodies plus headers), with JavaScript counted apart.
 *   npm run page-weight -- http://localhost:3000/login [more URLs]
 */
import { launchBrowser } from "../tests/support/chromium";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: npm run page-weight -- <url> [<url> ...]");
  process.exit(2);
}

export async function measurePage(url: string, options: { javaScriptEnabled?: boolean } = {}) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    const page = await context.newPage();
    const responses: Array<Promise<{ url: string; type: string; bytes: number }>> = [];
    page.on("requestfinished", (request) => {
      responses.push(
        request.sizes().then((sizes) => ({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const all = await Promise.all(responses);
    const total = all.reduce((sum, r) => sum + r.bytes, 0);
    const js = all.filter((r) => r.type === "script").reduce((sum, r) => sum + r.bytes, 0);
    return { url, requests: all.length, totalBytes: total, javaScriptBytes: js };
  } finally {
    await browser.close();
  }
}

for (const url of urls) {
  const m = await measurePage(url);
  console.log(
    `${m.url}: ${m.requests} requests, ${(m.totalBytes / 1024).toFixed(1)} KB total, ${(m.javaScriptBytes / 1024).toFixed(1)} KB JavaScript (transferred)`,
  );
}
