import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/lib/guards.server";
import { loader as healthz } from "~/routes/healthz";
import { inviteUser, loadUsersPage } from "~/services/users.server";
import { migrations } from "../../db/migrations";
import { pingDatabase } from "../../db/queries/health";
import { findUserByEmail } from "../../db/queries/users";
import { createTestDb, type TestDb, testDialect } from "../support/db";
import { expectNotFound, present } from "../support/responses";
import { withAppDb } from "../support/routes";

let t: TestDb;
let coordinator: CurrentUser;
beforeEach(async () => {
  t = await createTestDb({ seed: true });
  const row = await findUserByEmail(t.db, "koordinator@frirum.test");
  coordinator = {
    id: row!.id,
    role: "coordinator",
    schoolId: null,
    email: row!.email,
    name: row!.name,
    languages: [],
  };
});
afterEach(async () => {
  await t.cleanup();
});

describe("inviting users", () => {
  it("creates a school leader tied to a school, emails them and audits it", async () => {
    const school = await t.db
      .selectFrom("schools")
      .select(["id", "name"])
      .where("slug", "=", "sundby-skole")
      .executeTakeFirstOrThrow();
    const result = present(
      await inviteUser(
        t.db,
        coordinator,
        {
          name: "Ny Leder",
          email: "Ny.Leder@Skole.dk",
          role: "school_leader",
          schoolId: String(school.id),
        },
        "http://frirum.test",
      ),
    );
    expect(result.ok).toBe(true);
    const user = await findUserByEmail(t.db, "ny.leder@skole.dk");
    expect(user).toMatchObject({ role: "school_leader", school_id: school.id, active: 1 });
    const mail = await t.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("to_address", "=", "ny.leder@skole.dk")
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(school.name);
    expect(mail.text_body).toContain("http://frirum.test/login");
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(user!.id))
      .execute();
    expect(audit).toEqual([{ action: "user.invited" }]);
  });

  it("refuses a taken email and a school leader without a school, with field errors", async () => {
    expect(
      present(
        await inviteUser(
          t.db,
          coordinator,
          { name: "X", email: "facilitator1@frirum.test", role: "facilitator" },
          "http://x",
        ),
      ),
    ).toEqual({ ok: false, errors: { email: "users.email.taken" } });
    expect(
      present(
        await inviteUser(
          t.db,
          coordinator,
          { name: "X", email: "x@y.dk", role: "school_leader", schoolId: "99999" },
          "http://x",
        ),
      ),
    ).toEqual({ ok: false, errors: { schoolId: "users.school.required" } });
  });

  it("lets only coordinators manage users (404 for others)", async () => {
    const leader: CurrentUser = { ...coordinator, id: 999, role: "school_leader", schoolId: 1 };
    await expectNotFound(loadUsersPage(t.db, leader));
    await expectNotFound(
      inviteUser(
        t.db,
        { ...coordinator, role: "facilitator" },
        { name: "X", email: "x@y.dk", role: "coordinator" },
        "http://x",
      ),
    );
  });
});

describe("/healthz", () => {
  const latest = Object.keys(migrations).sort().at(-1);

  it("reports the database kind and its migration level", async () => {
    await withAppDb(t.db, async () => {
      const response = await healthz();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        status: "ok",
        database: "ok",
        databaseKind: testDialect(),
        migration: latest,
        pendingMigrations: [],
      });
    });
  });

  it("answers 503 when a migration this code needs is missing", async () => {
    await t.db
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "=", latest as never)
      .execute();
    await withAppDb(t.db, async () => {
      const response = await healthz();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "error",
        database: "migrations pending",
        pendingMigrations: [latest],
      });
    });
  });

  it("answers 503 with JSON when the database does not answer", async () => {
    const broken = await createTestDb();
    await pingDatabase(broken.db); // opens it, so that destroy really closes it
    await broken.db.destroy();
    try {
      await withAppDb(broken.db, async () => {
        const response = await healthz();
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({
          status: "error",
          database: "unavailable",
          databaseKind: testDialect(),
        });
      });
    } finally {
      await broken.cleanup().catch(() => {});
    }
  });
});
