import { defineConfig } from "vitest/config";
import { resolve } from "node:path";

const shared = {
  resolve: { alias: { "~": resolve(__dirname, "app") } },
};
const env = {
  ARGON2_FAST: "1",
  ANKAO_SECRET: "test-secret-test-secret-test-secret-0123456789",
  NODE_ENV: "test" as const,
};

// Four projects: fast pure tests, integration tests on a real database and HTTP server, the
// security suite (same setup, hostile input), and end-to-end tests in real Chromium. `npm test` runs all four.
export default defineConfig({
  ...shared,
  test: {
    globals: true,
    env,
    projects: [
      {
        ...shared,
        test: {
          env,
          name: "unit",
          globals: true,
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        ...shared,
        test: {
          env,
          name: "integration",
          globals: true,
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        ...shared,
        test: {
          env,
          name: "security",
          globals: true,
          include: ["tests/security/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        ...shared,
        test: {
          env,
          name: "e2e",
          globals: true,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: "forks",
          fileParallelism: false,
        },
      },
      {
        ...shared,
        test: {
          env,
          // Faults (kill -9, busy database, dropped connections, network loss, clock skew)
          // against real server processes; one file at a time, so they never share a CPU.
          name: "faults",
          globals: true,
          include: ["tests/faults/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: "forks",
          fileParallelism: false,
        },
      },
    ],
  },
});
