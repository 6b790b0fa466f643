import { redirect } from "@remix-run/node";

/** An empty action: reads the form and redirects (303), as a form post that saves nothing. */
export async function action({ request }: { request: Request }) {
  await request.formData();
  return redirect("/", 303);
}

export default function Action() {
  return <p>Action</p>;
}
