/**
 * Routes whose requests must leave no trace in logs: anonymous feedback (the path holds the
 * session's code, and the client's address must never sit beside it) and private calendar feeds
 * (the path holds a secret token).
 */
export function isPrivateRoute(path: string): boolean {
  return (
    path === "/f" || path.startsWith("/f/") || path.startsWith("/f.") || path.startsWith("/feeds/")
  );
}
