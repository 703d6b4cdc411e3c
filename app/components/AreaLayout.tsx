import { Outlet, useLoaderData } from "@remix-run/react";
import type { Role } from "~/domain/vocabulary";
import { NAV } from "./nav";
import { StaffShell } from "./StaffShell";

/** The component of every area layout route (/admin, /examiner, …): shell plus outlet. */
export function AreaLayout() {
  const { user } = useLoaderData<{ user: { displayName: string; role: Role } }>();
  return (
    <StaffShell user={user} nav={NAV[user.role]}>
      <Outlet />
    </StaffShell>
  );
}
