import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { startPathFor } from "~/domain/permissions";
import { getCurrentUser } from "~/lib/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  throw redirect(user ? startPathFor(user.role) : "/login");
}
