// The environment, validated with zod at boot: a bad value stops the app with a clear message.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./db-url";
import { DEFAULT_CERT_NUMBER_PATTERN, numberPatternError } from "../domain/certificate";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/i.test(u), "must start with file: or postgresql://"),
  /** Where keys and uploaded files live (outside the database). */
  DATA_DIR: z.string().default("./data"),
  /** Secret for ID-number lookup hashes and encryption; generated into DATA_DIR when unset. */
  ANKAO_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** Set when serving over HTTPS: marks the session cookie Secure. */
  COOKIE_SECURE: z
    .enum(["true", "false", "auto"])
    .default("auto"),
  /** Lower argon2 cost for the test suite only; refused in production. */
  ARGON2_FAST: z.enum(["0", "1"]).default("0"),
  /** How long a pass can still be certified, in months from the exam (DESIGN.md §3: 12). */
  PASS_VALID_MONTHS: z.coerce.number().int().min(1).max(600).default(12),
  /** Certificate numbers: {YYYY}/{YY} year, {SEQ:n} the year's sequence (app/domain/certificate.ts). */
  CERT_NUMBER_PATTERN: z
    .string()
    .default(DEFAULT_CERT_NUMBER_PATTERN)
    .superRefine((p, ctx) => {
      const err = numberPatternError(p);
      if (err) ctx.addIssue({ code: "custom", message: err });
    }),
});

export type Env = z.infer<typeof schema> & { provider: "sqlite" | "postgresql" };

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${msg}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.ARGON2_FAST === "1")
    throw new Error("Invalid environment: ARGON2_FAST=1 is for tests only");
  cached = { ...parsed.data, provider: providerOf(parsed.data.DATABASE_URL) };
  return cached;
}
