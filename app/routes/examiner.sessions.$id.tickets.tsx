// Resource route: admission tickets as PDF — the whole session, one class, or one candidate.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ticketsPdf } from "~/services/tickets.server";
import { download } from "~/utils/download.server";
import { notFound, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "session.manage");
  const q = new URL(request.url).searchParams;
  const f = await ticketsPdf({ sessionId: params.id!, classId: q.get("classId") ?? undefined, registrationIds: q.get("registrationId") ? [q.get("registrationId")!] : undefined });
  if (!f) throw notFound();
  return download(f.body, f.name, "application/pdf");
}
