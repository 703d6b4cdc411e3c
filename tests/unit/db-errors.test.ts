// Which database errors are "unavailable, retry later" and which are one transaction's conflict
// (group commit retries a conflicting batch write by write instead of refusing every kiosk in it).
import { isConflict, isTransientDbError } from "~/utils/db-errors.server";

const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error("driver adapter error"), { meta: { driverAdapterError: { cause } } });

describe("database error classes", () => {
  it("a PostgreSQL deadlock or serialization failure is a conflict (and transient)", () => {
    for (const e of [adapterError({ kind: "postgres", code: "40P01", originalCode: "40P01" }), adapterError({ kind: "postgres", code: "40001" }), { code: "P2034" }, adapterError({ kind: "TransactionWriteConflict" })]) {
      expect(isConflict(e)).toBe(true);
      expect(isTransientDbError(e)).toBe(true);
    }
  });

  it("a busy, full or lost database is transient but not a conflict", () => {
    for (const e of [adapterError({ kind: "sqlite", extendedCode: 5, message: "database is locked" }), adapterError({ kind: "postgres", code: "57P01" }), new Error("Connection terminated unexpectedly"), { code: "SQLITE_FULL" }]) {
      expect(isTransientDbError(e)).toBe(true);
      expect(isConflict(e)).toBe(false);
    }
  });

  it("a bug is neither", () => {
    for (const e of [new TypeError("x is undefined"), adapterError({ kind: "postgres", code: "23505" }), null, "text"]) {
      expect(isTransientDbError(e)).toBe(false);
      expect(isConflict(e)).toBe(false);
    }
  });
});
