// The HTTP server: Express in front of the Remix build. Owns what Remix cannot see by itself:
// the client's socket address (for rate limits), static assets, and graceful shutdown.
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { isStateChanging, sameOrigin } from "../app/utils/origin.js";
import { directRoute } from "./lib/direct-routes.js";

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(port = Number(process.env.PORT ?? 3000), host = process.env.HOST ?? "0.0.0.0"): Promise<RunningServer> {
  const buildPath = resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("build/index.js is missing: run `npm run build` first");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  // Background jobs (auto-submit at deadlines) live in the app; entry.server exports them.
  const stopJobs = (build.entry.module as { startBackgroundJobs?: () => () => void }).startBackgroundJobs?.();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });
  // CSRF: a state-changing request must name our own origin. Refused here with a clear 403
  // (Remix's own check would surface as a 500); app/utils/guard.server.ts checks again.
  app.use((req, res, next) => {
    if (!isStateChanging(req.method) || sameOrigin((h) => req.get(h))) return next();
    res.status(403).type("text/plain; charset=utf-8").send("跨站请求被拒绝 Cross-site request refused");
  });
  // A NUL character (%00) is in no URL of ours, and PostgreSQL cannot compare text holding one:
  // refused here for every route, instead of a database error.
  app.use((req, res, next) => {
    if (!/%00/.test(req.originalUrl)) return next();
    res.status(400).type("text/plain; charset=utf-8").send("请求地址含有空字符 Bad request: NUL in URL");
  });
  // originalUrl: the URL exactly as the client asked for it (SEB hashes that one).
  const getLoadContext = (req: express.Request) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", originalUrl: req.originalUrl });
  // The kiosk's hot endpoints skip Remix's route matching (scripts/lib/direct-routes.ts).
  app.all("/kiosk/api/:op", directRoute(build, "routes/kiosk.api.$op", getLoadContext));
  app.get("/kiosk/events", directRoute(build, "routes/kiosk.events", getLoadContext));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production", getLoadContext }));
  return new Promise((ok, fail) => {
    const server = app.listen(port, host, () => {
      const addr = server.address();
      ok({
        port: typeof addr === "object" && addr ? addr.port : port,
        close: () =>
          new Promise((done) => {
            stopJobs?.();
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.on("error", fail);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const s = await startServer();
  console.log(`Ankao listening on http://localhost:${s.port}`);
}
