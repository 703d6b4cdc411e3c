// Loader of the area layout routes: the signed-in user's display data, after the area's check.
import { json } from "@remix-run/node";
import type { Capability } from "~/domain/access";
import { requireCap } from "./guard.server";

export async function areaLoader(request: Request, cap: Capability) {
  const u = await requireCap(request, cap);
  return json({ user: { displayName: u.displayName, role: u.role } });
}
