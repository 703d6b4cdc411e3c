// Passwords: argon2id at OWASP's minimum (19 MiB, t=2, p=1).
import argon2 from "argon2";
import { randomBytes } from "node:crypto";
import { env } from "./env.server";

const OWASP = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
// The test suite creates many accounts; ARGON2_FAST (refused in production) keeps it quick.
const FAST = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, env().ARGON2_FAST === "1" ? FAST : OWASP);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString("base64"));
  return dummy;
}

export const PASSWORD_RULE = { min: 10 };
export function passwordProblem(p: string): string | null {
  if (p.length < PASSWORD_RULE.min) return `密码至少 ${PASSWORD_RULE.min} 位`;
  if (!/[A-Za-z]/.test(p) || !/\d/.test(p)) return "密码需同时包含字母和数字";
  return null;
}
