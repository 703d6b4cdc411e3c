import { defineConfig } from "vitest/config";
import { resolve } from "node:path";

const shared = {
  resolve: { alias: { "~": resolve(import.meta.dirname, "app") } },
};
const env = {
  ARGON2_FAST: "1",
  ANKAO_SECRET: "test-secret-test-secret-test-secret-0123456789",
  NODE_ENV: "test" as const,
  // The demo data and the fixtures are dated 2024–2025, and the suite must pass in any year: here
  // a pass stays certifiable from then until the end of next year. tests/integration/
  // pass-validity.test.ts sets the real default (12 months) for itself.
  PASS_VALID_MONTHS: String((new Date().getUTCFullYear() - 2024 + 2) * 12),
};

// Five projects: fast pure tests; integration tests on a real database and HTTP server; the
// security suite (same setup, hostile input); end-to-end tests in real Chromium; faults (kill -9,
// busy database, dropped connections, network loss, clock skew) against real server processes.
// `npm test` runs them all (scripts/test.ts).
type ProjectOptions = { include: string; timeout?: number; serial?: boolean; database?: boolean };
const project = (name: string, o: ProjectOptions) => ({
  ...shared,
  test: {
    env,
    name,
    globals: true,
    include: [o.include],
    ...(o.database ? { globalSetup: ["tests/support/global-setup.ts"], pool: "forks" as const, hookTimeout: Math.max(120_000, o.timeout ?? 0) } : {}),
    ...(o.timeout ? { testTimeout: o.timeout } : {}),
    // Browser and fault tests run one file at a time, so they never share a CPU.
    ...(o.serial ? { fileParallelism: false } : {}),
  },
});

export default defineConfig({
  ...shared,
  test: {
    globals: true,
    env,
    projects: [
      project("unit", { include: "tests/unit/**/*.test.ts" }),
      project("integration", { include: "tests/integration/**/*.test.ts", database: true, timeout: 60_000 }),
      project("security", { include: "tests/security/**/*.test.ts", database: true, timeout: 60_000 }),
      project("e2e", { include: "tests/e2e/**/*.test.ts", database: true, timeout: 120_000, serial: true }),
      project("faults", { include: "tests/faults/**/*.test.ts", database: true, timeout: 180_000, serial: true }),
    ],
  },
});
