/** Modules the build makes (vite.config.ts). */
declare module "virtual:route-message-keys" {
  /** Each page route's message keys by route id, "root" for the layout's (decision 037). */
  export const ROUTE_MESSAGE_KEYS: Readonly<Record<string, readonly string[]>> & {
    readonly root: readonly string[];
  };
}
