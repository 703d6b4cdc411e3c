// The kiosk's countdown, as a pure function. The server owns the deadline: it sends the time
// left (`remainingMs`) with every answer, and the kiosk only counts down from that moment on its
// monotonic clock (performance.now()). The kiosk's wall clock (Date.now()) is never consulted, so
// a kiosk whose clock is wrong, or changed during the exam, still shows the right time left.

/**
 * Time left to show, in ms (never below 0). `serverRemainingMs` arrived at `receivedAtPerfMs`
 * (performance.now() then); `nowPerfMs` is performance.now() now. While the attempt is not
 * running (paused, locked, awaiting) the server's figure is shown as it is.
 */
export function displayRemaining(serverRemainingMs: number, receivedAtPerfMs: number, nowPerfMs: number, running: boolean): number {
  const elapsed = running ? Math.max(0, nowPerfMs - receivedAtPerfMs) : 0;
  return Math.max(0, serverRemainingMs - elapsed);
}
