// A server-sent-events reader over fetch, for tests and benchmarks: parses the text/event-stream
// into frames (id, event, data) as they arrive, keeps them (optionally) and can wait for one.
export interface SseFrame {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the frame's last byte was read. */
  at: number;
}

export class SseStream {
  readonly frames: SseFrame[] = [];
  lastEventId: string | null = null;
  /** Resolves when the server ends the stream or it is closed. */
  readonly ended: Promise<void>;
  private waiters = new Set<() => void>();
  private ctrl: AbortController;

  private constructor(
    res: Response,
    ctrl: AbortController,
    private opts: { keep: boolean; onFrame?: (f: SseFrame) => void },
  ) {
    this.ctrl = ctrl;
    this.ended = this.pump(res.body!).finally(() => this.wake());
  }

  /** Open `url` as an event stream; throws unless the answer is 200 text/event-stream. */
  static async open(url: string, init: { headers?: Record<string, string>; keep?: boolean; onFrame?: (f: SseFrame) => void } = {}): Promise<SseStream> {
    const ctrl = new AbortController();
    const res = await fetch(url, { headers: { Accept: "text/event-stream", ...init.headers }, signal: ctrl.signal, redirect: "manual" });
    const type = res.headers.get("Content-Type") ?? "";
    if (res.status !== 200 || !type.startsWith("text/event-stream")) {
      ctrl.abort();
      throw new Error(`${url}: ${res.status} ${type}`);
    }
    return new SseStream(res, ctrl, { keep: init.keep ?? true, onFrame: init.onFrame });
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buf = "";
    let id: string | null = null;
    let event = "";
    let data: string[] = [];
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, "");
          buf = buf.slice(nl + 1);
          if (line === "") {
            if (data.length || event) {
              const f: SseFrame = { id, event: event || "message", data: data.join("\n"), at: performance.now() };
              if (id !== null) this.lastEventId = id;
              if (this.opts.keep) this.frames.push(f);
              this.opts.onFrame?.(f);
              this.wake();
            }
            id = null;
            event = "";
            data = [];
            continue;
          }
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "id") id = value;
          else if (field === "event") event = value;
          else if (field === "data") data.push(value);
        }
      }
    } catch {
      /* aborted or the connection dropped: the stream has ended */
    }
  }

  private wake() {
    for (const w of this.waiters) w();
  }

  /**
   * The first kept frame at index ≥ `from` that satisfies `match`, waiting up to `timeoutMs`
   * (a guard against hanging, not a measurement).
   */
  async waitFor(match: (f: SseFrame) => boolean, opts: { from?: number; timeoutMs?: number; what?: string } = {}): Promise<SseFrame> {
    const from = opts.from ?? 0;
    const find = () => this.frames.slice(from).find(match);
    const hit = find();
    if (hit) return hit;
    return new Promise((ok, fail) => {
      let done = false;
      const check = () => {
        const f = find();
        if (f) finish(() => ok(f));
      };
      const finish = (then: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.waiters.delete(check);
        then();
      };
      const timer = setTimeout(
        () => finish(() => fail(new Error(`no ${opts.what ?? "matching"} frame within ${opts.timeoutMs ?? 10_000} ms; got: ${this.frames.slice(from).map((f) => f.event).join(", ") || "nothing"}`))),
        opts.timeoutMs ?? 10_000,
      );
      this.waiters.add(check);
      void this.ended.then(() => setTimeout(() => finish(() => fail(new Error(`stream ended before a ${opts.what ?? "matching"} frame`))), 0));
    });
  }

  close() {
    this.ctrl.abort();
  }
}
