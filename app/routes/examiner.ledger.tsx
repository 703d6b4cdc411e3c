// The retraining-hours ledger (read-only): per enterprise for a year, per trainee over the years.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LedgerView, type LedgerData } from "~/components/LedgerView";
import { ledgerView } from "~/services/ledger.server";
import { requireCap } from "~/utils/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "report.read");
  return json(await ledgerView(new URL(request.url).searchParams));
}

export default function Ledger() {
  return <LedgerView data={useLoaderData<typeof loader>() as unknown as LedgerData} base="/examiner/ledger" />;
}
