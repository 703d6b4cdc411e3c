// Load the shipped YAML bank into the test database, as `npm start` does.
import { loadBankDir } from "../../scripts/lib/bank-files";
import { importBank } from "~/services/bank-import.server";

export async function importShippedBank() {
  const { questions, problems } = await loadBankDir("question-bank");
  if (problems.length) throw new Error(`shipped bank has ${problems.length} problems`);
  return importBank(questions, { actor: { id: "test", role: "ADMIN", countyId: null, providerId: null } });
}
