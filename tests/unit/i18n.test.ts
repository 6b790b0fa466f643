import { describe, expect, it } from "vitest";
import { STAFF_CATALOGUES, translate } from "~/i18n";
import { ACCESSIBILITY_STATEMENT } from "~/i18n/accessibility-statement";
import { formatMessage } from "~/i18n/format";

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

describe("formatMessage", () => {
  it("fills every placeholder, leaves unknown ones visible and the rest as written", () => {
    for (let round = 0; round < 2; round++) {
      // The second round fills the templates as remembered.
      expect(formatMessage("{days} dage siden", { days: 3 })).toBe("3 dage siden");
      expect(formatMessage("Pilot ({year})", { year: 2024 })).toBe("Pilot (2024)");
      expect(formatMessage("{a}{b} og {a}", { a: "x", b: 0 })).toBe("x0 og x");
      expect(formatMessage("{a} og {ukendt}", { a: "x" })).toBe("x og {ukendt}");
      expect(formatMessage("{ikke et navn} {a-b}", { a: 1 })).toBe("{ikke et navn} {a-b}");
      expect(formatMessage("Ingen pladsholdere", { a: 1 })).toBe("Ingen pladsholdere");
      expect(formatMessage("{days} dage", undefined)).toBe("{days} dage");
      expect(formatMessage("{x}", { x: "{y}", y: "z" })).toBe("{y}");
    }
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
