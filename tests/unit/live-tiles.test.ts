// The proctor console applies each live event to its tile at once; a room frame read before an
// event must not undo it (the console re-applies the events newer than the frame's `asOf`).
import { applyEvent } from "~/components/proctor/live-tiles";
import type { RoomState } from "~/data/room.server";

type Tile = RoomState["tiles"][number];
const tile = (n: number, over: Partial<Tile> = {}): Tile => ({
  registrationId: `r${n}`,
  attemptId: `a${n}`,
  seat: String(n).padStart(2, "0"),
  name: `考生${n}`,
  idMasked: "2301**********0011",
  kiosk: null,
  state: "IN_PROGRESS",
  answered: 3,
  total: 100,
  remainingMs: 3_600_000,
  running: true,
  integrityCount: 0,
  latestIntegrity: null,
  online: true,
  snapshot: null,
  cameraOverride: false,
  ...over,
});
const room = (...tiles: Tile[]) => ({ serverTime: "", session: {} as RoomState["session"], tiles }) as RoomState;

describe("applyEvent", () => {
  it("shows an integrity event's count and kind on its own tile only", () => {
    const r = applyEvent(room(tile(1), tile(2)), "integrity", { attemptId: "a2", kind: "FULLSCREEN_EXIT", count: 1, at: "2026-11-30T01:00:00.000Z" });
    expect(r.tiles[0]).toEqual(tile(1));
    expect(r.tiles[1]).toMatchObject({ integrityCount: 1, latestIntegrity: { kind: "FULLSCREEN_EXIT", at: "2026-11-30T01:00:00.000Z" } });
  });

  it("never lowers a count that a newer frame already shows", () => {
    const r = room(tile(1, { integrityCount: 4 }));
    expect(applyEvent(r, "integrity", { attemptId: "a1", kind: "BLUR", count: 3 })).toBe(r);
  });

  it("takes the state an attempt event carries, and whether the clock runs", () => {
    const paused = applyEvent(room(tile(1)), "attempt.pause", { attemptId: "a1", state: "PAUSED", reason: "停电" });
    expect(paused.tiles[0]).toMatchObject({ state: "PAUSED", running: false });
    expect(applyEvent(paused, "attempt.resume", { attemptId: "a1", state: "IN_PROGRESS" }).tiles[0]).toMatchObject({ state: "IN_PROGRESS", running: true });
  });

  it("finds a candidate who has just arrived by registration, and learns the attempt id", () => {
    const r = applyEvent(room(tile(1, { attemptId: null, state: "NOT_ARRIVED", running: false, online: false })), "attempt.arrive", { attemptId: "a9", registrationId: "r1" });
    expect(r.tiles[0]).toMatchObject({ attemptId: "a9", state: "AWAITING", online: true });
  });

  it("marks an absent registration without an attempt", () => {
    const r = applyEvent(room(tile(1, { attemptId: null, state: "NOT_ARRIVED", running: false })), "registration.absent", { attemptId: null, registrationId: "r1" });
    expect(r.tiles[0].state).toBe("ABSENT");
  });

  it("re-applying the events after a frame's asOf gives the newest state, in any frame age", () => {
    const events = [
      { type: "attempt.pause", d: { attemptId: "a1", state: "PAUSED" as const } },
      { type: "integrity", d: { attemptId: "a1", kind: "BLUR", count: 1, at: "2026-11-30T01:00:00.000Z" } },
      { type: "attempt.resume", d: { attemptId: "a1", state: "IN_PROGRESS" as const } },
    ];
    const live = events.reduce((r, e) => applyEvent(r, e.type, e.d), room(tile(1)));
    // A frame read after the first event, re-applied with the two later ones, ends in the same place.
    const frame = room(tile(1, { state: "PAUSED", running: false }));
    const rebuilt = events.slice(1).reduce((r, e) => applyEvent(r, e.type, e.d), frame);
    expect(rebuilt.tiles[0]).toEqual(live.tiles[0]);
  });

  it("leaves the room as it was for events that say nothing about a tile", () => {
    const r = room(tile(1));
    expect(applyEvent(r, "incident", { attemptId: "a1" })).toBe(r);
    expect(applyEvent(r, "session.open", {})).toBe(r);
  });
});
