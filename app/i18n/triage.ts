export const triageMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
