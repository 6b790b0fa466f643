import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endUserSession } from "~/lib/guards.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request);
}
