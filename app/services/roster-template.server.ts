import { makeIdNumber } from "~/domain/id-number";
import { ROSTER_HEADERS } from "~/domain/roster";
import { writeCsv, writeXlsx } from "~/utils/spreadsheet.server";

/** The downloadable roster template, with one example row (a fictitious but valid ID number). */
export async function rosterTemplate(format: "xlsx" | "csv") {
  const headers = Object.values(ROSTER_HEADERS);
  const example = ["张三", makeIdNumber("230781", "19800101", 123), "伊春示例矿业有限公司", "", "13800000000", "班组长"];
  if (format === "xlsx")
    return {
      headers,
      name: "学员名册模板.xlsx",
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await writeXlsx("学员名册", headers, [example], [ROSTER_HEADERS.idNumber, ROSTER_HEADERS.creditCode, ROSTER_HEADERS.phone]),
    };
  return { headers, name: "学员名册模板.csv", type: "text/csv; charset=utf-8", body: writeCsv(headers, [example]) };
}
