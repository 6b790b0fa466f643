/**
 * Which staff message keys a route can show, read from the source: the route file and every app
 * module it imports (transitively, server modules included, since loaders and actions return
 * message keys as data). A key counts when a string literal equals it; a template literal
 * `` `role.${x}` `` counts as every key starting with its fixed head. The catalogue files
 * themselves (app/i18n) are not followed: they hold every key. Nor are the email builders
 * (emails/): they write their text into the outbox on the server, and never hand a key to a page.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = join(ROOT, "app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // a directory
      }
    }
  }
  return null;
}

/** The app modules a file reaches through its imports (itself included), catalogues excluded. */
export function reachableModules(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, "utf8");
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const target = resolveImport(path, match[1]);
      if (!target) continue;
      const inRepo = relative(ROOT, target);
      if (inRepo.startsWith(join("app", "i18n")) || inRepo.startsWith(`emails${sep}`)) continue;
      visit(target);
    }
  };
  visit(resolve(file));
  return [...seen];
}

/** The keys of `known` that the modules can show (literals, and template heads as prefixes). */
export function keysUsedBy(modules: string[], known: readonly string[]): Set<string> {
  const knownSet = new Set(known);
  const used = new Set<string>();
  for (const path of modules) {
    const source = readFileSync(path, "utf8");
    // Only key-like text between the quotes: a wider pattern would let one literal's closing
    // quote open a "literal" that swallows the code up to the next one.
    for (const match of source.matchAll(/(["'`])([A-Za-z][\w.-]*)\1/g)) {
      if (knownSet.has(match[2])) used.add(match[2]);
    }
    // Not a template literal type such as `request.${string}`: a type shows no text.
    for (const match of source.matchAll(/`([A-Za-z][\w.]*\.)\$\{(?!string\}|number\})/g)) {
      for (const key of known) if (key.startsWith(match[1])) used.add(key);
    }
  }
  return used;
}
