import { makeIdNumber } from "~/domain/id-number";
import { checkHeaders, describeProblem, NUMERIC_CELL, validateRoster } from "~/domain/roster";

const ents = [
  { id: "e1", name: "甲矿业", creditCode: "91230781MA1ABCDE0X", industry: "MINING" },
  { id: "e2", name: "乙机械", creditCode: "91230781MA1ABCDE1X", industry: "MACHINERY" },
];
const row = (line: number, cells: Record<string, string>) => ({ line, cells: { 姓名: "张三", 身份证号: makeIdNumber("230781", "19800101", line), 企业名称: "甲矿业", ...cells } });

describe("roster validation", () => {
  it("accepts clean rows, by enterprise name or credit code", () => {
    const r = validateRoster([row(2, {}), row(3, { 企业名称: "", 统一社会信用代码: "91230781ma1abcde0x" })], { enterprises: ents, industry: "MINING" });
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.enterpriseId)).toEqual(["e1", "e1"]);
  });
  it("is all-or-nothing: one bad row means no rows", () => {
    const r = validateRoster([row(2, {}), row(3, { 身份证号: "123" })], { enterprises: ents, industry: "MINING" });
    expect(r.rows).toEqual([]);
    expect(r.problems.map(describeProblem)).toEqual(["第 3 行 身份证号 应为 18 位"]);
  });
  it("refuses an enterprise from the other industry", () => {
    const r = validateRoster([row(2, { 企业名称: "乙机械" })], { enterprises: ents, industry: "MINING" });
    expect(r.problems.map(describeProblem)).toEqual(["第 2 行 企业名称 “乙机械”不属于本班行业"]);
  });
  it("explains an ID that Excel turned into a number", () => {
    const r = validateRoster([row(2, { 身份证号: NUMERIC_CELL + "2.30781198001012e+17" })], { enterprises: ents, industry: "MINING" });
    expect(describeProblem(r.problems[0])).toMatch(/^第 2 行 身份证号 被 Excel 存成了数字/);
  });
  it("skips blank lines and says when there is no data at all", () => {
    expect(validateRoster([{ line: 2, cells: { 姓名: "", 身份证号: "" } }], { enterprises: ents, industry: "MINING" }).problems.map(describeProblem)).toEqual(["文件 没有学员数据"]);
  });
  it("checks headers", () => {
    expect(checkHeaders(["姓名", "身份证号", "企业名称"])).toEqual([]);
    expect(checkHeaders(["姓名"]).map(describeProblem)).toEqual(["第 1 行 身份证号 缺少此列（请使用名册模板）", "第 1 行 企业名称 缺少企业名称或统一社会信用代码列"]);
  });
});
