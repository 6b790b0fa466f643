import { describe, expect, it } from "vitest";
import {
  courseEditText,
  courseFormText,
  translateFormError,
} from "~/components/course-form.server";
import { translate } from "~/i18n";

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
    const { audience, feedbackFormAudience, gradeMin, gradeMax, summary, leadTimeDays } =
      text.controls;
    expect(audience?.options?.[0]?.value).toBe("");
    expect(audience?.options?.[1]).toEqual({ value: "pupils", label: "Elever" });
    expect(feedbackFormAudience?.options?.find((o) => o.value === "staff")?.label).toBe(
      "Skemaet for fagpersoner",
    );
    expect(gradeMin?.options).toHaveLength(12);
    expect(gradeMin?.options?.[1]).toEqual({ value: "0", label: "0. klasse" });
    expect(gradeMax?.options?.[11]).toEqual({ value: "10", label: "10. klasse" });
    expect(gradeMin?.hint).toBeTruthy();
    expect(summary).toEqual({ rows: 2 });
    expect(leadTimeDays?.numeric).toBe(true);
    // The checkbox groups are drawn by the form itself.
    expect(text.controls.languages).toBeUndefined();
    expect(text.controls.active).toBeUndefined();
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
    expect(text.controls.audience?.options?.[1]).toEqual({ value: "pupils", label: "Pupils" });
    expect(
      text.controls.feedbackFormAudience?.options?.find((o) => o.value === "staff")?.label,
    ).toBe("The professionals' form");
    expect(text.controls.gradeMin?.options?.[4]).toEqual({ value: "3", label: "Grade 3" });
  });
});

describe("courseEditText and translateFormError (the edit page's texts, made on the server)", () => {
  it("tells the status, the notice and why a course with requests cannot be deleted", () => {
    const text = courseEditText("da", { active: true, title: "Rum" }, 2, "courseAdmin.saved");
    expect(text.heading).toContain("Rum");
    expect(text.notice).toBe(translate("da", "courseAdmin.saved"));
    expect(text.status).toBe(translate("da", "courseAdmin.status.activeText"));
    expect(text.toggle).toBe(translate("da", "courseAdmin.deactivate"));
    expect(text.requests).toBe(translate("da", "courseAdmin.requests.other", { count: 2 }));
  });

  it("in English, for an inactive course without requests or notice", () => {
    const text = courseEditText("en", { active: false, title: "Room" }, 0, null);
    expect(text.notice).toBeNull();
    expect(text.requests).toBeNull();
    expect(text.toggle).toBe(translate("en", "courseAdmin.activate"));
    expect(text.confirmBody).toContain("Room");
    expect(translateFormError("en", "courseAdmin.stale")).toBe(
      translate("en", "courseAdmin.stale"),
    );
    expect(translate("en", "courseAdmin.stale")).not.toBe(translate("da", "courseAdmin.stale"));
  });
});
