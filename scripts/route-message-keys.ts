/**
 * Which staff message keys each page can show, read from the source, and the Vite plugin that
 * hands them to the server as `virtual:route-message-keys` (decision 037).
 *
 * A page is shown by its route module and the root; either can show a key when it or an app
 * module it imports (transitively, server modules included, since loaders and actions return
 * message keys as data) holds it as a string literal, or builds it with a template literal whose
 * fixed head starts it (`` `role.${x}` `` can show every "role." key). The catalogues (app/i18n)
 * are not followed: they hold every key. Nor are the email builders (emails/): they write their
 * text into the outbox on the server, and never hand a key to a page. Read with TypeScript's
 * parser, so a type (`` `request.${string}` ``) or a comment is not taken for text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type ts from "typescript";
import type { Plugin } from "vite";
import { MESSAGE_KEYS } from "../app/i18n/index";

const APP = resolve(import.meta.dirname, "..", "app");

type TypeScript = typeof ts;

/** What one module holds: the app modules it imports, its string literals, its template heads. */
interface ModuleFacts {
  imports: string[];
  literals: string[];
  /** Key heads a template literal builds on: "role." of `role.${x}` (a head ends at a dot). */
  templateHeads: string[];
}

function resolveImport(app: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = join(app, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function factsOf(typescript: TypeScript, path: string): ModuleFacts {
  const source = typescript.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    typescript.ScriptTarget.Latest,
    false,
    path.endsWith(".tsx") ? typescript.ScriptKind.TSX : typescript.ScriptKind.TS,
  );
  const facts: ModuleFacts = { imports: [], literals: [], templateHeads: [] };
  const visit = (node: ts.Node) => {
    if (typescript.isImportDeclaration(node) || typescript.isExportDeclaration(node)) {
      // A module imported for its types only never runs, so it shows nothing.
      const typeOnly = typescript.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : node.isTypeOnly;
      if (!typeOnly && node.moduleSpecifier && typescript.isStringLiteral(node.moduleSpecifier)) {
        facts.imports.push(node.moduleSpecifier.text);
      }
      return;
    }
    if (
      typescript.isCallExpression(node) &&
      node.expression.kind === typescript.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      typescript.isStringLiteral(node.arguments[0])
    ) {
      facts.imports.push(node.arguments[0].text);
      return;
    }
    if (typescript.isImportTypeNode(node) || typescript.isLiteralTypeNode(node)) return;
    if (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node)) {
      facts.literals.push(node.text);
    } else if (typescript.isTemplateExpression(node)) {
      // The text before each substitution: `${a} role.${b}` can show every "role." key.
      for (const text of [
        node.head.text,
        ...node.templateSpans.slice(0, -1).map((s) => s.literal.text),
      ]) {
        const head = /[A-Za-z][\w.-]*\.$/.exec(text)?.[0];
        if (head) facts.templateHeads.push(head);
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return facts;
}

/** The app modules `file` reaches through its imports (itself included), catalogues excluded. */
function reachable(
  typescript: TypeScript,
  app: string,
  file: string,
  facts: Map<string, ModuleFacts>,
) {
  const notFollowed = [join(app, "i18n") + sep, join(dirname(app), "emails") + sep];
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    let moduleFacts = facts.get(path);
    if (!moduleFacts) {
      moduleFacts = factsOf(typescript, path);
      facts.set(path, moduleFacts);
    }
    for (const specifier of moduleFacts.imports) {
      const target = resolveImport(app, path, specifier);
      if (target && !notFollowed.some((folder) => target.startsWith(folder))) visit(target);
    }
  };
  visit(resolve(file));
  return [...seen];
}

/** The keys of `known` that the modules can show, in `known`'s order. */
function keysShownBy(modules: ModuleFacts[], known: readonly string[]): string[] {
  const literals = new Set(modules.flatMap((m) => m.literals));
  const heads = [...new Set(modules.flatMap((m) => m.templateHeads))];
  return known.filter((key) => literals.has(key) || heads.some((head) => key.startsWith(head)));
}

/** The page routes (routes/*.tsx) by Remix route id, with "root" for root.tsx. */
export function pageRouteFiles(app = APP): Array<{ id: string; file: string }> {
  return [
    { id: "root", file: join(app, "root.tsx") },
    ...readdirSync(join(app, "routes"))
      .filter((name) => name.endsWith(".tsx"))
      .sort()
      .map((name) => ({
        id: `routes/${name.replace(/\.tsx$/, "")}`,
        file: join(app, "routes", name),
      })),
  ];
}

/**
 * For each page route of the app in `app` (and its root), the keys of `known` it can show. A
 * page is sent the root's and its matched routes' keys (app/i18n/route-messages.server.ts).
 */
export async function routeMessageKeys(
  known: readonly string[],
  app = APP,
): Promise<Record<string, string[]>> {
  // Loaded when needed: the parser is large, and only the build and some tests use it.
  const typescript = (await import("typescript")).default;
  const facts = new Map<string, ModuleFacts>();
  const result: Record<string, string[]> = {};
  for (const { id, file } of pageRouteFiles(app)) {
    const modules = reachable(typescript, app, file, facts).map(
      (path) => facts.get(path) as ModuleFacts,
    );
    result[id] = keysShownBy(modules, known);
  }
  return result;
}

const VIRTUAL_ID = "virtual:route-message-keys";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * `virtual:route-message-keys`: `ROUTE_MESSAGE_KEYS`, each page route's keys, worked out from the
 * source when the server build (or a test) loads it. The dev server works them out again after
 * an app module changes.
 */
export function routeMessageKeysPlugin(): Plugin {
  return {
    name: "frirum-route-message-keys",
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const keys = await routeMessageKeys(MESSAGE_KEYS);
      return `export const ROUTE_MESSAGE_KEYS = ${JSON.stringify(keys)};\n`;
    },
    configureServer(server) {
      server.watcher.on("all", (_event, file) => {
        if (!resolve(file).startsWith(APP + sep)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
  };
}
