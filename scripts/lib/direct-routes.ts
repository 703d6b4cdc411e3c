// The kiosk's hot endpoints go straight to their Remix route modules. During an exam they carry
// almost every request (a save every 10 s, a heartbeat every 15 s per kiosk), and Remix's router
// flattens and ranks all ~80 route definitions twice per request (matchRoutes is not memoised in
// @remix-run/router 1.x): ~11 % of the server's CPU at 1,000 kiosks in bench:proctor's profile.
// Same module, same loader/action, same load context and the same Request/Response conversion as
// @remix-run/express; only the route lookup is skipped. Any other path goes through Remix.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

type DataFunction = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

export function directRoute(build: ServerBuild, routeId: string, getLoadContext: (req: ExpressRequest) => AppLoadContext) {
  const route = build.routes[routeId];
  if (!route) throw new Error(`route ${routeId} is not in the build`);
  const mod = route.module as { loader?: DataFunction; action?: DataFunction };
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const run = req.method === "GET" || req.method === "HEAD" ? mod.loader : mod.action;
    if (!run) return next(); // Remix answers what the module does not handle (405)
    let response: Response;
    try {
      const request = createRemixRequest(req, res);
      const result = await run({ request, params: { ...req.params }, context: getLoadContext(req) });
      response = result instanceof Response ? result : Response.json(result);
    } catch (e) {
      // A thrown Response is the answer (401, 403 …), as in Remix; anything else is a 500.
      if (e instanceof Response) response = e;
      else {
        console.error(e);
        response = new Response("Unexpected Server Error", { status: 500 });
      }
    }
    try {
      await sendRemixResponse(res, response);
    } catch (e) {
      next(e);
    }
  };
}
