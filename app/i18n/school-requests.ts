export const schoolRequestMessages = {
  da: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
