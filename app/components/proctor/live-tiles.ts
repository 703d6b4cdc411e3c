// A proctor tile updated from one live event, before the next room frame arrives: the event
// alone says enough for what must show within a second (an integrity event, a state change).
import type { RoomState } from "~/data/room.server";

type Tile = RoomState["tiles"][number];

export type LiveEvent = { attemptId?: string | null; kind?: string; reason?: string; at?: string; state?: Tile["state"]; count?: number; registrationId?: string; snapshotId?: string; purpose?: string };

/** What an event alone tells about its tile: an integrity count, a new state, a new snapshot. */
export function applyEvent(room: RoomState, type: string, d: LiveEvent): RoomState {
  const at = d.at ?? new Date().toISOString();
  const patch = (t: Tile): Tile | null => {
    if (type === "integrity" && typeof d.count === "number" && d.count >= t.integrityCount)
      return { ...t, integrityCount: d.count, latestIntegrity: { kind: d.kind ?? "", at }, online: true };
    if (type === "registration.absent") return { ...t, state: "ABSENT", running: false };
    if (type === "attempt.arrive") return { ...t, attemptId: d.attemptId ?? t.attemptId, state: "AWAITING", online: true };
    if (type === "camera.snapshot" && d.snapshotId) return { ...t, snapshot: { id: d.snapshotId, purpose: d.purpose ?? "", at } };
    if (type.startsWith("attempt.") && d.state) return { ...t, state: d.state, running: d.state === "IN_PROGRESS" || d.state === "LOCKED" };
    return null;
  };
  let changed = false;
  const tiles = room.tiles.map((t) => {
    const mine = d.registrationId ? t.registrationId === d.registrationId : !!d.attemptId && t.attemptId === d.attemptId;
    const next = mine ? patch(t) : null;
    if (next) changed = true;
    return next ?? t;
  });
  return changed ? { ...room, tiles } : room;
}
