import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

/** Derive the PostgreSQL schema from the SQLite one: same models, other provider and output. */
export function pgSchemaText(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/app\/generated\/sqlite"/, 'output   = "../../app/generated/pg"');
  if (out === sqliteSchema) throw new Error("pg-schema: provider/output lines not found in prisma/schema.prisma");
  return "// GENERATED from prisma/schema.prisma by scripts/generate.ts. Do not edit.\n" + out;
}

export function writePgSchema(): void {
  const text = pgSchemaText(readFileSync("prisma/schema.prisma", "utf8"));
  mkdirSync("prisma/postgresql", { recursive: true });
  writeFileSync("prisma/postgresql/schema.prisma", text);
}
