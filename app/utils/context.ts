// What the Express server passes to every loader and action.
export interface AppContext {
  clientIp: string;
}

export function clientIpOf(context: unknown): string {
  const ip = (context as Partial<AppContext> | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : "unknown";
}
