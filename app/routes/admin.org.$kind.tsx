// Counties, venues, enterprises and providers: one page shape, four tables.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Outcome } from "~/components/FormBits";
import { listCounties, listEnterprises, listProviders, listVenues } from "~/data/org.server";
import { INDUSTRY_LABEL, type Industry } from "~/domain/vocabulary";
import { countySchema, createOrg, enterpriseSchema, providerSchema, venueSchema } from "~/services/admin.server";
import { done, invalid, parseForm, readFormData } from "~/utils/form.server";
import { notFound, requireCap } from "~/utils/guard.server";

const KINDS = {
  counties: { kind: "county", title: "县（市、区）", schema: countySchema },
  venues: { kind: "venue", title: "考点", schema: venueSchema },
  enterprises: { kind: "enterprise", title: "企业", schema: enterpriseSchema },
  providers: { kind: "provider", title: "施教单位", schema: providerSchema },
} as const;
type Kind = keyof typeof KINDS;
const isKind = (k: string | undefined): k is Kind => !!k && k in KINDS;
const KIND_LABEL = { CITY: "县级市", COUNTY: "县", DISTRICT: "区" } as Record<string, string>;

async function rows(kind: Kind): Promise<{ columns: string[]; rows: Array<{ id: string; cells: Array<string | number> }> }> {
  if (kind === "counties")
    return {
      columns: ["代码", "名称", "类型", "考点", "企业"],
      rows: (await listCounties()).map((c) => ({ id: c.id, cells: [c.code, c.name, KIND_LABEL[c.kind] ?? c.kind, c._count.venues, c._count.enterprises] })),
    };
  if (kind === "venues")
    return {
      columns: ["县（市、区）", "考点", "地址", "座位"],
      rows: (await listVenues()).map((v) => ({ id: v.id, cells: [v.county.name, v.name, v.address, v.seats] })),
    };
  if (kind === "enterprises")
    return {
      columns: ["企业", "统一社会信用代码", "行业", "县（市、区）", "学员"],
      rows: (await listEnterprises()).map((e) => ({
        id: e.id,
        cells: [e.name, e.creditCode, INDUSTRY_LABEL[e.industry as Industry]?.zh ?? e.industry, e.county.name, e._count.trainees],
      })),
    };
  return {
    columns: ["施教单位", "统一社会信用代码", "联系人", "班次", "账号"],
    rows: (await listProviders()).map((p) => ({ id: p.id, cells: [p.name, p.creditCode, p.contact, p._count.classes, p._count.users] })),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCap(request, "admin.manage");
  if (!isKind(params.kind)) throw notFound();
  const counties = (await listCounties()).map((c) => ({ id: c.id, name: c.name }));
  return json({ kind: params.kind, title: KINDS[params.kind].title, counties, ...(await rows(params.kind)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCap(request, "admin.manage");
  if (!isKind(params.kind)) throw notFound();
  const cfg = KINDS[params.kind];
  const parsed = parseForm(cfg.schema, await readFormData(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const r = await createOrg(actor, cfg.kind, parsed.data);
  return r.ok ? done(`已添加${cfg.title}`) : invalid(r.errors);
}

function CountySelect({ counties }: { counties: Array<{ id: string; name: string }> }) {
  return (
    <select name="countyId" defaultValue="">
      <option value="">—</option>
      {counties.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
    </select>
  );
}

export default function OrgPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const e = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <h1>{data.title}</h1>
      <Outcome result={result} />
      <table>
        <thead><tr>{data.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id}>{r.cells.map((c, i) => <td key={i} className={typeof c === "number" ? "num" : undefined}>{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <div className="card" style={{ marginTop: "1.5rem" }}>
        <h2>添加{data.title}</h2>
        <Form method="post" className="form-grid" key={result?.ok ? "reset" : "keep"}>
          {data.kind === "counties" && (
            <>
              <Field label="行政区划代码" name="code" errors={e}><input name="code" required /></Field>
              <Field label="名称" name="name" errors={e}><input name="name" required /></Field>
              <Field label="类型" name="kind" errors={e}>
                <select name="kind"><option value="DISTRICT">区</option><option value="COUNTY">县</option><option value="CITY">县级市</option></select>
              </Field>
            </>
          )}
          {data.kind === "venues" && (
            <>
              <Field label="所属县（市、区）" name="countyId" errors={e}><CountySelect counties={data.counties} /></Field>
              <Field label="考点名称" name="name" errors={e}><input name="name" required /></Field>
              <Field label="地址" name="address" errors={e}><input name="address" required /></Field>
              <Field label="座位数" name="seats" errors={e}><input name="seats" type="number" min={1} required /></Field>
            </>
          )}
          {(data.kind === "enterprises" || data.kind === "providers") && (
            <>
              <Field label="名称" name="name" errors={e}><input name="name" required /></Field>
              <Field label="统一社会信用代码" name="creditCode" errors={e}><input name="creditCode" required maxLength={18} /></Field>
            </>
          )}
          {data.kind === "enterprises" && (
            <>
              <Field label="行业" name="industry" errors={e}>
                <select name="industry"><option value="MINING">矿山</option><option value="MACHINERY">机械制造</option></select>
              </Field>
              <Field label="所属县（市、区）" name="countyId" errors={e}><CountySelect counties={data.counties} /></Field>
            </>
          )}
          {data.kind === "providers" && <Field label="联系人" name="contact" errors={e}><input name="contact" /></Field>}
          <div><button>添加</button></div>
        </Form>
      </div>
    </>
  );
}
