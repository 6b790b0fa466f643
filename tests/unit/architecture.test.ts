import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every .ts/.tsx file under `dir`, as paths relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => relative(ROOT, join(ROOT, dir, name)));
}

/**
 * Files above db/ that may parse JSON, with the reason. JSON columns are decoded in db/ only
 * (db/json.ts, used by the queries); a request body or a fetch answer is not a column.
 */
const JSON_PARSE_ALLOWED: Record<string, string> = {};

describe("layers", () => {
  it("decodes JSON columns in db/ only: no JSON.parse in services, lib or routes", () => {
    const offenders = ["app/services", "app/lib", "app/routes"]
      .flatMap(sourceFiles)
      .filter((path) => !(path in JSON_PARSE_ALLOWED))
      .filter((path) => /\bJSON\.parse\s*\(/.test(readFileSync(join(ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("finds the files it checks (a wrong folder would pass silently)", () => {
    expect(sourceFiles("app/services")).toContain("app/services/requests.server.ts");
    expect(sourceFiles("app/routes")).toContain("app/routes/coordinator.sessions.$id.tsx");
  });
});
