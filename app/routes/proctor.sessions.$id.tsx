import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RoomConsole } from "~/components/proctor/RoomConsole";
import { roomState, type RoomState } from "~/data/room.server";
import { proctoredSession } from "~/services/proctoring.server";
import { forbidden, requireCap } from "~/utils/guard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCap(request, "session.proctor");
  if (!(await proctoredSession(actor, params.id!))) throw forbidden("无权查看该考场 Not your session");
  return json(await roomState(params.id!));
}

export default function ProctorRoom() {
  const room = useLoaderData<typeof loader>();
  return <RoomConsole initial={room as unknown as RoomState} />;
}
