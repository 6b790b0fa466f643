/**
 * Architecture rules that a type checker cannot see, checked on the source (docs/architecture.md):
 * JSON columns are decoded in db/ only, services answer with results and neither speak HTTP nor
 * parse forms, and every route guards each loader and action with exactly one `requireUser` call
 * at its top (or is listed as public, with why).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(folder: string): Array<{ path: string; source: ts.SourceFile }> {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => {
      const path = join(folder, name);
      const text = readFileSync(join(root, path), "utf8");
      return { path, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
    });
}

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Every place a file speaks HTTP: builds a Response, throws one, redirects, or imports Remix. */
function httpUses(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${source.fileName}:${line + 1}`;
  };
  walk(source, (node) => {
    if (ts.isNewExpression(node) && calleeName(node) === "Response") {
      found.push(`${where(node)} new Response`);
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const onResponse =
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === "Response";
      if (name === "json" || name === "redirect" || name === "data" || onResponse) {
        if (!onResponse && ts.isPropertyAccessExpression(node.expression)) return;
        found.push(`${where(node)} ${onResponse ? "Response." : ""}${name}()`);
      }
    }
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text.startsWith("@remix-run/")
    ) {
      found.push(`${where(node)} import ${node.moduleSpecifier.text}`);
    }
    if (ts.isThrowStatement(node) && node.expression) {
      const thrown = node.expression;
      const isError =
        ts.isNewExpression(thrown) &&
        /Error$/.test(calleeName(thrown) ?? "") &&
        calleeName(thrown) !== "Response";
      const rethrow = ts.isIdentifier(thrown);
      if (!isError && !rethrow) found.push(`${where(node)} throw ${thrown.getText(source)}`);
    }
  });
  return found;
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
      .filter(({ path }) => !(path in JSON_PARSE_ALLOWED))
      .filter(({ source }) => /\bJSON\.parse\s*\(/.test(source.text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it("maps rows in db/: nothing above db/ imports the JSON column decoder", () => {
    const offenders = ["app/services", "app/lib", "app/routes", "app/domain"]
      .flatMap(sourceFiles)
      .filter(({ source }) => /from\s+["'][./]*db\/json["']/.test(source.text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it("finds the files it checks (a wrong folder would pass silently)", () => {
    expect(sourceFiles("app/services").map((f) => f.path)).toContain(
      "app/services/requests.server.ts",
    );
    expect(sourceFiles("app/routes").map((f) => f.path)).toContain(
      "app/routes/coordinator.sessions.$id.tsx",
    );
  });
});

describe("services never speak HTTP (decision 026)", () => {
  const services = sourceFiles("app/services");

  it("finds the services", () => {
    expect(services.length).toBeGreaterThan(20);
  });

  it("no service builds, throws or redirects a Response: they return results", () => {
    expect(services.flatMap(({ source }) => httpUses(source))).toEqual([]);
  });

  it("no service reads FormData: routes parse forms and pass typed values", () => {
    const readers = services.flatMap(({ path, source }) => {
      const uses: string[] = [];
      walk(source, (node) => {
        if (ts.isTypeReferenceNode(node) && node.typeName.getText(source) === "FormData") {
          uses.push(path);
        }
      });
      return uses;
    });
    expect(readers).toEqual([]);
  });

  it("the scan sees what it forbids (a service written the old way fails it)", () => {
    const old = ts.createSourceFile(
      "old.server.ts",
      `import { redirect } from "@remix-run/node";
       export async function load(x?: number) {
         if (!x) throw new Response("Not Found", { status: 404 });
         if (x > 1) throw notFound();
         if (x > 2) throw redirect("/");
         if (x > 3) return Response.json({});
         throw new Error("a bug is still an Error");
       }`,
      ts.ScriptTarget.Latest,
      true,
    );
    expect(httpUses(old).map((use) => use.replace(/^old\.server\.ts:\d+ /, ""))).toEqual([
      "import @remix-run/node",
      'throw new Response("Not Found", { status: 404 })',
      "new Response",
      "throw notFound()",
      'throw redirect("/")',
      "redirect()",
      "Response.json()",
    ]);
  });
});

/** The identifier an expression chain starts from: `z` in `z.object({}).extend({})`. */
function rootName(node: ts.Expression): string | undefined {
  let current: ts.Expression = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    current = current.expression;
  }
  return ts.isIdentifier(current) ? current.text : undefined;
}

/** The zod schemas app/domain exports: a `const` built from `z`, or from another such schema. */
function domainSchemas(): Set<string> {
  const consts: Array<{ name: string; root: string | undefined }> = [];
  for (const { source } of sourceFiles("app/domain")) {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const exported = ts
        .getModifiers(statement)
        ?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        consts.push({ name: declaration.name.text, root: rootName(declaration.initializer) });
      }
    }
  }
  const schemas = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const { name, root } of consts) {
      if (schemas.has(name) || root === undefined) continue;
      if (root === "z" || schemas.has(root)) {
        schemas.add(name);
        grew = true;
      }
    }
  }
  return schemas;
}

/** The exported functions of app/domain/forms.ts: they read posted fields or parse them. */
function formHelpers(): Set<string> {
  const [forms] = sourceFiles("app/domain").filter(({ path }) => path === "app/domain/forms.ts");
  return new Set(
    forms.source.statements
      .filter(
        (s): s is ts.FunctionDeclaration =>
          ts.isFunctionDeclaration(s) &&
          !!ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      )
      .map((s) => s.name?.text ?? ""),
  );
}

const PARSE_METHODS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "spa"]);

/**
 * Every place a service parses input with a form's schema: a value import of a domain schema or
 * of a forms.ts helper (a type-only import, for `z.output<typeof schema>`, is fine), a call of a
 * helper, or `.parse()`/`.safeParse()` on a schema.
 */
function formParsing(
  source: ts.SourceFile,
  schemas: ReadonlySet<string>,
  helpers: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${source.fileName}:${line + 1}`;
  };
  walk(source, (node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const name = (element.propertyName ?? element.name).text;
          if (!element.isTypeOnly && (schemas.has(name) || helpers.has(name))) {
            found.push(`${where(element)} imports ${name}`);
          }
        }
      }
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name && ts.isIdentifier(node.expression) && helpers.has(name)) {
        found.push(`${where(node)} ${name}()`);
      }
      if (ts.isPropertyAccessExpression(node.expression) && name && PARSE_METHODS.has(name)) {
        const schema = rootName(node.expression.expression);
        if (schema && schemas.has(schema)) found.push(`${where(node)} ${schema}.${name}()`);
      }
    }
  });
  return found;
}

describe("services never parse a form (routes do, with the schema the browser uses)", () => {
  const schemas = domainSchemas();
  const helpers = formHelpers();

  it("finds the schemas and the form helpers it looks for", () => {
    expect(schemas).toContain("reportTextSchema");
    expect(schemas).toContain("declineRequestSchema"); // built from another schema
    expect(schemas).not.toContain("REPORT_SECTIONS");
    expect([...helpers].sort()).toEqual([
      "fieldErrorsFromIssues",
      "formDataToObject",
      "parseWithSchema",
    ]);
  });

  it("no service imports a form schema or parser, or parses with a schema", () => {
    const services = sourceFiles("app/services");
    expect(services.flatMap(({ source }) => formParsing(source, schemas, helpers))).toEqual([]);
  });

  it("the scan sees what it forbids (the report service as it was fails it)", () => {
    const old = ts.createSourceFile(
      "old.server.ts",
      `import type { FieldErrors } from "../domain/forms";
       import { parseWithSchema } from "../domain/forms";
       import { finaliseSchema, type ReportTexts, supersedeSchema } from "../domain/report";
       import type { reportTextSchema } from "../domain/report";
       export async function save(input: Record<string, unknown>) {
         const parsed = parseWithSchema(finaliseSchema, input);
         const again = supersedeSchema.safeParse(input);
         const text: z.output<typeof reportTextSchema> = Date.parse("x") ? input : input;
       }`,
      ts.ScriptTarget.Latest,
      true,
    );
    expect(
      formParsing(old, schemas, helpers).map((use) => use.replace(/^old\.server\.ts:/, "")),
    ).toEqual([
      "2 imports parseWithSchema",
      "3 imports finaliseSchema",
      "3 imports supersedeSchema",
      "6 parseWithSchema()",
      "7 supersedeSchema.safeParse()",
    ]);
  });
});

/**
 * Routes that answer without a signed-in user, and why. Everything else calls `requireUser`
 * once, first thing, in every loader and action.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/routes/$.tsx": "the 404 page",
  "app/routes/_index.tsx": "sends the visitor to their start page or the sign-in page",
  "app/routes/auth.verify.tsx": "the magic link's confirm step",
  "app/routes/dev.mailbox.$id.tsx": "the demo mailbox (only without SMTP_URL)",
  "app/routes/dev.mailbox._index.tsx": "the demo mailbox (only without SMTP_URL)",
  "app/routes/f.$code.tsx": "the anonymous feedback form",
  "app/routes/f.$code_.tak.tsx": "the anonymous feedback form's thank-you page",
  "app/routes/f._index.tsx": "the anonymous feedback code entry",
  "app/routes/feeds.$token.ts": "the calendar feed: the token is the credential",
  "app/routes/healthz.ts": "the health check",
  "app/routes/language.tsx": "the language switch (also before sign-in)",
  "app/routes/login.tsx": "the sign-in page",
  "app/routes/logout.tsx": "signing out",
  "app/routes/privatliv.tsx": "the privacy notice",
  "app/routes/tilgaengelighed.tsx": "the accessibility statement",
};

/** The exported `loader` and `action` functions of a route, by name. */
function handlers(source: ts.SourceFile): Array<{ name: string; body: ts.Block | undefined }> {
  const out: Array<{ name: string; body: ts.Block | undefined }> = [];
  for (const statement of source.statements) {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      const name = statement.name.text;
      if (name === "loader" || name === "action") out.push({ name, body: statement.body });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        if (name !== "loader" && name !== "action") continue;
        const init = declaration.initializer;
        const body =
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) &&
          ts.isBlock(init.body)
            ? init.body
            : undefined;
        out.push({ name, body });
      }
    }
  }
  return out;
}

function guardCalls(node: ts.Node): number {
  let count = 0;
  walk(node, (child) => {
    if (ts.isCallExpression(child) && calleeName(child) === "requireUser") count++;
  });
  return count;
}

/** What is wrong with a route's guarding, one line per problem (empty when it follows the rule). */
function guardProblems(path: string, source: ts.SourceFile): string[] {
  const problems: string[] = [];
  for (const { name, body } of handlers(source)) {
    const calls = body ? guardCalls(body) : 0;
    if (path in PUBLIC_ROUTES) {
      if (calls > 0) problems.push(`${path} ${name}: public, but calls requireUser`);
      continue;
    }
    const first = body?.statements[0];
    if (calls !== 1) problems.push(`${path} ${name}: ${calls} requireUser calls, not 1`);
    else if (!first || guardCalls(first) !== 1) {
      problems.push(`${path} ${name}: requireUser is not the first statement`);
    }
  }
  return problems;
}

describe("one guard call per route", () => {
  const routes = sourceFiles("app/routes");

  it("every loader and action of a private route calls requireUser once, first", () => {
    expect(routes.flatMap(({ path, source }) => guardProblems(path, source))).toEqual([]);
  });

  it("every public route is still there and has a loader or an action", () => {
    const paths = new Set(routes.map((r) => r.path));
    for (const path of Object.keys(PUBLIC_ROUTES)) {
      expect(paths.has(path), path).toBe(true);
      const source = routes.find((r) => r.path === path)!.source;
      expect(handlers(source).length, path).toBeGreaterThan(0);
    }
  });

  it("the check sees a second guard, a late guard and a missing guard", () => {
    const route = (text: string) =>
      ts.createSourceFile("x.tsx", text, ts.ScriptTarget.Latest, true);
    expect(
      guardProblems(
        "app/routes/x.tsx",
        route(`export async function loader({ request }) {
                 const user = await requireUser(request);
                 await requireUser(request, ["coordinator"]);
               }
               export async function action({ request }) {
                 const form = await request.formData();
                 const user = await requireUser(request);
               }
               export const loader2 = 1;`),
      ),
    ).toEqual([
      "app/routes/x.tsx loader: 2 requireUser calls, not 1",
      "app/routes/x.tsx action: requireUser is not the first statement",
    ]);
    expect(
      guardProblems("app/routes/x.tsx", route("export async function action() { return 1; }")),
    ).toEqual(["app/routes/x.tsx action: 0 requireUser calls, not 1"]);
  });
});
