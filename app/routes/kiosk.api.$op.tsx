// The kiosk's JSON endpoints. Every one needs this kiosk's candidate token; none returns an
// answer key, a right/wrong flag or a score before the result is released.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { heartbeat, kioskItems, kioskState, reportIntegrity, saveAnswer, submitByCandidate } from "~/services/kiosk.server";
import { readBodyUpTo, SNAPSHOT_MAX_BYTES, storeSnapshot } from "~/services/snapshots.server";
import { NOT_SAVED_BUSY, orUnavailable } from "~/utils/db-errors.server";
import { clearCandidateCookie } from "~/utils/kiosk-auth.server";
import { requireCandidate } from "~/utils/kiosk-request.server";

const noStore = { "Cache-Control": "no-store" };

// A busy or unreachable database answers 503 "not saved, retry" (the kiosk keeps its outbox).
export const loader = (args: LoaderFunctionArgs) => orUnavailable("服务器繁忙，请稍后重试", () => read(args));
export const action = (args: ActionFunctionArgs) => orUnavailable(args.params.op === "save" ? NOT_SAVED_BUSY : "服务器繁忙，请稍后重试", () => write(args));

async function read({ request, params, context }: LoaderFunctionArgs) {
  const a = await requireCandidate(request, context);
  if (params.op === "state") return json(await kioskState(a), { headers: noStore });
  if (params.op === "paper") {
    const items = await kioskItems(a);
    return items ? json({ items }, { headers: noStore }) : json({ error: "尚未放行" }, { status: 403, headers: noStore });
  }
  return json({ error: "not found" }, { status: 404 });
}

async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    // A kiosk never sends NUL characters (PostgreSQL cannot store them): dropped from every string.
    const v = JSON.parse(await request.text(), (_k, x: unknown) => (typeof x === "string" ? x.replace(/\0/g, "") : x));
    return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function write({ request, params, context }: ActionFunctionArgs) {
  if (params.op === "leave") return json({ ok: true }, { headers: { "Set-Cookie": clearCandidateCookie } });
  const a = await requireCandidate(request, context);
  switch (params.op) {
    case "save": {
      const b = await body(request);
      const r = await saveAnswer(a, { position: Number(b.position), answer: b.answer, flagged: b.flagged === true, seq: Number(b.seq) });
      return json(r, { status: r.ok ? 200 : 409, headers: noStore });
    }
    case "event": {
      const b = await body(request);
      const r = await reportIntegrity(a, String(b.kind ?? ""), String(b.detail ?? ""), typeof b.clientAt === "string" ? b.clientAt : undefined);
      return json(r, { status: r.ok ? 200 : 400 });
    }
    case "heartbeat":
      return json(await heartbeat(a), { headers: noStore });
    case "submit": {
      const r = await submitByCandidate(a);
      return json(r.ok ? { ok: true, state: r.state } : { ok: false, error: r.error }, { status: r.ok ? 200 : r.status });
    }
    case "snapshot": {
      const purpose = new URL(request.url).searchParams.get("purpose") === "RANDOM" ? "RANDOM" : "SIGN_IN";
      const bytes = await readBodyUpTo(request, SNAPSHOT_MAX_BYTES);
      if (!bytes) return json({ ok: false, error: `图片过大（上限 ${SNAPSHOT_MAX_BYTES / 1024} KB）` }, { status: 413 });
      const r = await storeSnapshot(a, bytes, request.headers.get("Content-Type") ?? "", purpose);
      return json(r, { status: r.ok ? 200 : r.status });
    }
  }
  return json({ error: "not found" }, { status: 404 });
}
