// Says once, up front, which database the integration tests run on.
export default function setup() {
  const kind = process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
  console.log(`[ankao tests] database: ${kind}${kind === "postgresql" ? ` on ${new URL(process.env.PG_URL!).host}` : ""}`);
}
