export const facilitatorMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
