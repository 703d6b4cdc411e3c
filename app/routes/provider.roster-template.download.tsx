// Resource route: the roster template as .xlsx or .csv.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rosterTemplate } from "~/services/roster-template.server";
import { requireCap } from "~/utils/guard.server";
import { download } from "~/utils/download.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "class.manage");
  const f = await rosterTemplate(new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx");
  return download(f.body, f.name, f.type);
}
