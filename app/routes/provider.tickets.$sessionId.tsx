// Resource route: this provider's trainees' tickets for one session (scoped to the provider).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ticketsPdf } from "~/services/tickets.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "class.manage");
  const f = await ticketsPdf({ sessionId: params.sessionId!, providerId: actor.providerId ?? "—" });
  if (!f) throw notFound();
  return download(f.body, f.name, "application/pdf");
}
