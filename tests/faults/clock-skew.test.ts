// Clock skew between kiosk and server: the time left that the kiosk shows comes from the server's
// `remainingMs` and the kiosk's monotonic clock (performance.now), never its wall clock. A kiosk
// whose clock is hours off, or is changed during the exam, shows the right time left.
import { displayRemaining } from "~/components/kiosk/clock";
import { clock } from "~/components/kiosk/format";
import { remainingMs } from "~/domain/attempt";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const MIN = 60_000;
// The server's view: an attempt started at 09:00 server time, 120 minutes long.
const startedAt = new Date("2026-05-12T01:00:00Z");
const attempt = { startedAt, durationSec: 7200, extensionSec: 0, pausedSec: 0, pausedAt: null };
const serverNow = new Date(startedAt.getTime() + 30 * MIN); // 09:30 on the server

it("never reads the kiosk's wall clock", () => {
  vi.spyOn(Date, "now").mockImplementation(() => {
    throw new Error("the kiosk's wall clock was read");
  });
  expect(displayRemaining(90 * MIN, 1000, 1000 + 60_000, true)).toBe(89 * MIN);
});

it.each([
  ["2 hours fast", 2 * 60 * MIN],
  ["3 days slow", -3 * 24 * 60 * MIN],
  ["right", 0],
])("shows the server's time left with a kiosk clock %s", (_label, skew) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(serverNow.getTime() + skew);
  // The answer to a save carries remainingMs, computed on the server from its own clock.
  const fromServer = remainingMs(attempt, serverNow);
  expect(fromServer).toBe(90 * MIN);
  const receivedAt = 5_000; // performance.now() when that answer arrived
  // 10 minutes later on the kiosk's monotonic clock, whatever its wall clock says:
  const shown = displayRemaining(fromServer, receivedAt, receivedAt + 10 * MIN, true);
  expect(shown).toBe(remainingMs(attempt, new Date(serverNow.getTime() + 10 * MIN)));
  expect(clock(shown)).toBe("1:20:00");
});

it("is not moved by the kiosk's clock being changed during the exam", () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(serverNow);
  const before = displayRemaining(90 * MIN, 0, 30_000, true);
  vi.setSystemTime(serverNow.getTime() - 45 * MIN); // someone sets the kiosk's clock back
  const after = displayRemaining(90 * MIN, 0, 31_000, true);
  expect(before - after).toBe(1000);
});

it("holds still while the attempt is not running, and stops at zero", () => {
  expect(displayRemaining(42 * MIN, 0, 10 * MIN, false)).toBe(42 * MIN); // paused: the server froze it
  expect(displayRemaining(5_000, 0, 60_000, true)).toBe(0);
  expect(clock(displayRemaining(5_000, 0, 60_000, true))).toBe("0:00");
});
