/**
 * The reference app of `npm run bench:http`: an empty Remix 2.17 app (one route rendering `<p>`,
 * one empty action that redirects) built with the same Remix, React and Vite as Frirum and the
 * same future flags. Built into BENCH_REFERENCE_BUILD (a temporary directory) by the benchmark.
 */
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      buildDirectory: process.env.BENCH_REFERENCE_BUILD ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
