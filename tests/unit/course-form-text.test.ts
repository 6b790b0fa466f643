import { describe, expect, it } from "vitest";
import { courseFormText } from "~/components/course-form.server";

describe("courseFormText (the course form's labels and choices, made by the loader)", () => {
  it("names the fields in their order and the choices in Danish", () => {
    const text = courseFormText("da");
    expect(Object.keys(text.labels)).toEqual([
      "title",
      "slug",
      "audience",
      "summary",
      "description",
      "gradeMin",
      "gradeMax",
      "durationMinutes",
      "maxParticipants",
      "facilitatorsNeeded",
      "languages",
      "schoolProvides",
      "leadTimeDays",
      "feedbackFormAudience",
      "active",
    ]);
    expect(text.labels.title).toBe("Titel");
    expect(text.audiences[0]).toEqual({ value: "pupils", label: "Elever" });
    expect(text.feedbackForms.find((o) => o.value === "staff")?.label).toBe(
      "Skemaet for fagpersoner",
    );
    expect(text.grades).toHaveLength(11);
    expect(text.grades[0]).toEqual({ value: "0", label: "0. klasse" });
    expect(text.grades[10]).toEqual({ value: "10", label: "10. klasse" });
    expect(text.languages.map((o) => o.value)).toEqual([
      "da",
      "en",
      "ar",
      "so",
      "ur",
      "tr",
      "fa",
      "prs",
    ]);
  });

  it("in English", () => {
    const text = courseFormText("en");
    expect(text.labels.title).toBe("Title");
    expect(text.audiences[0]).toEqual({ value: "pupils", label: "Pupils" });
    expect(text.feedbackForms.find((o) => o.value === "staff")?.label).toBe(
      "The professionals' form",
    );
    expect(text.grades[3]).toEqual({ value: "3", label: "Grade 3" });
  });
});
