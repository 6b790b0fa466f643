// The reference server of `npm run bench:http`: Express + compression around the Remix request
// handler, as Frirum's server (same packages), without Frirum's own middleware.
import { join } from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const buildDir = process.env.BENCH_REFERENCE_BUILD ?? "build";
const build = await import(join(buildDir, "server/index.js"));
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(
  "/assets",
  express.static(join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
);
app.use(express.static(join(buildDir, "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), () => console.log("reference listening"));
// Exits normally on SIGTERM, so that a CPU profile (BENCH_CPU_PROF) is written.
process.on("SIGTERM", () => process.exit(0));
