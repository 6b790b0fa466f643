import { describe, expect, it } from "vitest";
import { STAFF_CATALOGUES, translate } from "~/i18n";
import { ACCESSIBILITY_STATEMENT } from "~/i18n/accessibility-statement";

/** The `{name}` placeholders of a message, sorted. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe("staff UI catalogues", () => {
  for (const [name, catalogue] of Object.entries(STAFF_CATALOGUES)) {
    it(`${name}: English has exactly the Danish keys, none empty, with the same placeholders`, () => {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.da).sort());
      for (const [key, da] of Object.entries(catalogue.da)) {
        const en = (catalogue.en as Record<string, string>)[key] ?? "";
        expect(da.trim(), `da ${key}`).not.toBe("");
        expect(en.trim(), `en ${key}`).not.toBe("");
        expect(placeholders(en), key).toEqual(placeholders(da));
      }
    });
  }

  it("defines each key in one catalogue only (a second definition would silently win)", () => {
    const owners = new Map<string, string[]>();
    for (const [name, catalogue] of Object.entries(STAFF_CATALOGUES)) {
      for (const key of Object.keys(catalogue.da))
        owners.set(key, [...(owners.get(key) ?? []), name]);
    }
    const twice = [...owners].filter(([, names]) => names.length > 1);
    expect(twice).toEqual([]);
  });
});

describe("translate", () => {
  it("accepts only keys of the catalogues: a misspelt key fails typecheck", () => {
    expect(translate("en", "nav.signIn")).toBe("Sign in");
    // @ts-expect-error "nav.signInn" is no MessageKey; typecheck fails if translate takes any string
    expect(translate("en", "nav.signInn")).toBe("nav.signInn");
  });
});

describe("the accessibility statement", () => {
  it("has the same sections and list lengths in Danish and English", () => {
    const shape = (s: (typeof ACCESSIBILITY_STATEMENT)["da"]) =>
      s.sections.map((section) => [section.paragraphs.length, section.items?.length ?? 0]);
    expect(shape(ACCESSIBILITY_STATEMENT.en)).toEqual(shape(ACCESSIBILITY_STATEMENT.da));
  });
});
