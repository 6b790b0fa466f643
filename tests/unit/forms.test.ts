import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, parseWithSchema } from "~/domain/forms";

describe("formDataToObject", () => {
  it("nests dotted names and keeps listed array fields as arrays", () => {
    const data = new URLSearchParams();
    data.append("courseId", "3");
    data.append("windows.0.date", "2026-03-02");
    data.append("windows.0.part", "morning");
    data.append("windows.1.date", "2026-03-04");
    data.append("grades", "7");
    data.append("grades", "8");
    expect(formDataToObject(data, ["grades", "languages"])).toEqual({
      courseId: "3",
      windows: [{ date: "2026-03-02", part: "morning" }, { date: "2026-03-04" }],
      grades: ["7", "8"],
      languages: [],
    });
  });

  it("takes the last value of a repeated scalar field", () => {
    const data = new URLSearchParams("a=1&a=2");
    expect(formDataToObject(data)).toEqual({ a: "2" });
  });
});

describe("parseWithSchema", () => {
  const schema = z.object({
    name: z.string().min(1, { message: "x.required" }),
    age: z.coerce.number(),
  });
  it("returns the first message key per field path and the values as posted", () => {
    const result = parseWithSchema(schema, { name: "", age: "12" });
    expect(result).toEqual({
      ok: false,
      errors: { name: "x.required" },
      values: { name: "", age: "12" },
    });
  });
  it("returns parsed data when valid", () => {
    expect(parseWithSchema(schema, { name: "Ada", age: "12" })).toEqual({
      ok: true,
      data: { name: "Ada", age: 12 },
    });
  });
});
