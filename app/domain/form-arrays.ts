/**
 * The fields each form posts as lists (repeated checkboxes), for `formDataToObject` in the action.
 * No zod here, so a route module can name them without pulling the schema into its page's
 * JavaScript (issue 12: the schema loads when the form is first used).
 */
export const REQUEST_FORM_ARRAY_FIELDS = ["grades", "languagesNeeded"] as const;
export const SESSION_FORM_ARRAY_FIELDS = ["facilitatorIds"] as const;
export const COURSE_FORM_ARRAY_FIELDS = ["languages"] as const;
export const INVITE_FORM_ARRAY_FIELDS = ["languages"] as const;
