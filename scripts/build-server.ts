/**
 * Compiles the production server (scripts/server.ts and what it imports from app/ and db/) into
 * one JavaScript file, build/start.js, so production never transpiles TypeScript at start (tsx).
 * Packages stay external (loaded from node_modules). Part of `npm run build`.
 */
import { build } from "esbuild";

await build({
  entryPoints: ["scripts/server.ts"],
  outfile: "build/start.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log("build/start.js written");
