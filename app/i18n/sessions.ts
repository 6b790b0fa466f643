export const sessionMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
