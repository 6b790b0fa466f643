export const catalogueMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
