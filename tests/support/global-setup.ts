// Says once, up front, which database the integration tests run on, and makes test-results/
// (where tests leave PDFs and downloads for a person to look at) so any one file can run alone.
import { mkdirSync } from "node:fs";

export default function setup() {
  mkdirSync("test-results", { recursive: true });
  const kind = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
  console.log(`[ankao tests] database: ${kind}${kind === "postgresql" ? ` on ${new URL(process.env.PG_URL!).host}` : ""}`);
}
