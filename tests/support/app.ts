// A real HTTP server on the production build, on a fresh migrated database with the demo data.
import { freshDatabase } from "./db";
import type { Db } from "~/utils/db.server";

export interface TestApp {
  base: string;
  db: Db;
  stop(): Promise<void>;
}

export async function startApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  const fresh = await freshDatabase();
  if (opts.seed !== false) {
    const { seedDemo } = await import("../../prisma/seed");
    await seedDemo(fresh.db);
  }
  process.env.PORT = "0";
  const { startServer } = await import("../../scripts/serve");
  const server = await startServer(0, "127.0.0.1");
  return {
    base: `http://127.0.0.1:${server.port}`,
    db: fresh.db,
    stop: async () => {
      await server.close();
      await fresh.cleanup();
    },
  };
}

/** A browser-like client: keeps cookies, sends Origin on POSTs, never follows redirects. */
export class Client {
  cookies = new Map<string, string>();
  constructor(public base: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    // Like a browser navigating: page GETs accept HTML (API calls set their own Accept).
    if ((init.method ?? "GET") === "GET" && !headers.has("Accept")) headers.set("Accept", "text/html,application/xhtml+xml");
    if (init.method && init.method !== "GET" && init.origin !== null) headers.set("Origin", init.origin ?? this.base);
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair.split("=");
      const value = v.join("=");
      if (/Max-Age=0/i.test(c) || value === "") this.cookies.delete(k);
      else this.cookies.set(k, value);
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string | string[]> | FormData, init: { origin?: string | null } = {}) {
    let body: FormData | URLSearchParams;
    if (fields instanceof FormData) body = fields;
    else {
      body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    }
    return this.request(path, { method: "POST", body, ...init });
  }

  async login(username: string, password = "ankao-demo-2025") {
    const res = await this.post("/login", { username, password });
    if (res.status !== 302) throw new Error(`login ${username}: ${res.status}`);
    return res;
  }
}
