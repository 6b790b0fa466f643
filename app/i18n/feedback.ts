export const feedbackStaffMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
