// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema, offline.
// prisma/schema.prisma is the source of truth; prisma/postgresql/schema.prisma is derived
// from it (only `provider` and `output` differ) and committed so migrations can be diffed.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writePgSchema } from "./lib/pg-schema.js";

if (!existsSync("prisma/schema.prisma")) {
  console.log("generate: no prisma/schema.prisma yet, skipping");
  process.exit(0);
}
writePgSchema();
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit", env });
}
