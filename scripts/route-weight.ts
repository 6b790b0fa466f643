/**
 * The JavaScript each page loads before any interaction, from the production build alone (no
 * server, no browser): `npm run build && npm run route-weight`.
 *   For every route with a component, the client entry, the root route and the route's own
 *   module with everything they import statically (Remix's build manifest lists them; the page
 *   preloads exactly these), each file gzipped as the server sends it (zlib's default level, as
 *   `compression` uses). Chunks loaded later by `import()` (form validation) are not counted.
 *   Prints one line per route, heaviest first, and exits 1 if a page is over the goal of issue 12
 *   (ROUTE_WEIGHT_LIMIT_KB, default 90). `--why <route id part>` lists that route's files.
 * Pages rendered without scripts (`handle = { hydrate: false }`) are left out.
 * The Remix manifest script itself is not counted: with lazy route discovery each page inlines
 * the part of it it needs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };

/** Routes that send no script at all (`handle = { hydrate: false }`, see app/root.tsx). */
function withoutScripts(routeId: string): boolean {
  for (const ext of [".tsx", ".ts"]) {
    const file = join(process.cwd(), "app", `${routeId}${ext}`);
    if (existsSync(file)) return /hydrate:\s*false/.test(readFileSync(file, "utf8"));
  }
  return false;
}
type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
};

const clientDir = join(process.cwd(), "build/client");
const assetsDir = join(clientDir, "assets");
const manifestFile = readdirSync(assetsDir).find((name) => /^manifest-[\w-]+\.js$/.test(name));
if (!manifestFile) {
  console.error("No Remix manifest in build/client/assets: run `npm run build` first.");
  process.exit(1);
}
const manifestSource = readFileSync(join(assetsDir, manifestFile), "utf8");
const manifest = JSON.parse(
  manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
) as Manifest;

const gzipSizes = new Map<string, number>();
function gzipBytes(path: string): number {
  let size = gzipSizes.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(clientDir, path))).length;
    gzipSizes.set(path, size);
  }
  return size;
}

function filesOf(routeId: string): Set<string> {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  const chain: ManifestRoute[] = [];
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; ) {
    chain.unshift(route);
    route = route.parentId ? manifest.routes[route.parentId] : undefined;
  }
  for (const route of chain) {
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return files;
}

const limitKb = Number(process.env.ROUTE_WEIGHT_LIMIT_KB ?? 90);
// Resource routes (CSV, PDF, feeds) have an empty client module and no page.
const pages = Object.values(manifest.routes).filter(
  (route) =>
    route.id !== "root" &&
    statSync(join(clientDir, route.module)).size > 1 &&
    !withoutScripts(route.id),
);
const rows = pages
  .map((route) => {
    const files = [...filesOf(route.id)];
    return { id: route.id, files, bytes: files.reduce((sum, file) => sum + gzipBytes(file), 0) };
  })
  .sort((a, b) => b.bytes - a.bytes);

const whyIndex = process.argv.indexOf("--why");
if (whyIndex !== -1) {
  const wanted = process.argv[whyIndex + 1] ?? "";
  for (const row of rows.filter((r) => r.id.includes(wanted))) {
    console.log(`${row.id}: ${(row.bytes / 1024).toFixed(1)} KB gzip`);
    for (const file of [...row.files].sort((a, b) => gzipBytes(b) - gzipBytes(a))) {
      console.log(`  ${(gzipBytes(file) / 1024).toFixed(1).padStart(6)} KB  ${file}`);
    }
  }
  process.exit(0);
}

let over = 0;
for (const row of rows) {
  const kb = row.bytes / 1024;
  if (kb > limitKb) over++;
  console.log(
    `${kb.toFixed(1).padStart(6)} KB  ${kb > limitKb ? "OVER" : "ok  "}  ${row.id.replace(/^routes\//, "")}`,
  );
}
console.log(
  `${rows.length} pages, ${over} over ${limitKb} KB gzip JavaScript (entry + root + route, static imports)`,
);
process.exit(over > 0 ? 1 : 0);
