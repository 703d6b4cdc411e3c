/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  // Keep the default "esm": "cjs" breaks the generated Prisma client (STACK-NOTES.md).
  serverModuleFormat: "esm",
  // Node-only packages must stay out of the browser bundle; they are imported from *.server.ts only.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
