import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, Outcome } from "~/components/FormBits";
import { listCounties, listProviders, listUsers } from "~/data/org.server";
import { ROLE_LABEL, ROLES } from "~/domain/vocabulary";
import { createUser, resetPassword, revokeSessions, setUserDisabled, userSchema } from "~/services/admin.server";
import { done, invalid, parseForm, readFormData } from "~/utils/form.server";
import { requireCap } from "~/utils/guard.server";
import { L, useLang } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCap(request, "admin.manage");
  const [users, counties, providers] = await Promise.all([listUsers(), listCounties(), listProviders()]);
  return json({
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as (typeof ROLES)[number],
      scope: u.county?.name ?? u.provider?.name ?? "",
      disabled: !!u.disabledAt,
      activeSessions: u.authSessions.length,
    })),
    counties: counties.map((c) => ({ id: c.id, name: c.name })),
    providers: providers.map((p) => ({ id: p.id, name: p.name })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCap(request, "admin.manage");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const userId = String(form.get("userId") ?? "");
  if (intent === "create") {
    const parsed = parseForm(userSchema, form);
    if (!parsed.ok) return invalid(parsed.errors);
    const r = await createUser(actor, parsed.data);
    return r.ok ? done(`已创建账号 ${r.user.username}`) : invalid(r.errors);
  }
  if (intent === "disable" || intent === "enable") {
    const r = await setUserDisabled(actor, userId, intent === "disable");
    return r.ok ? done(intent === "disable" ? "账号已停用，其会话已结束" : "账号已启用") : invalid(r.errors);
  }
  if (intent === "revoke") return done(`已结束 ${await revokeSessions(actor, userId)} 个会话`);
  if (intent === "reset") {
    const r = await resetPassword(actor, userId, String(form.get("password") ?? ""));
    return r.ok ? done("密码已重置，其会话已结束") : invalid(r.errors);
  }
  return invalid({ _: "未知操作" });
}

export default function Users() {
  const { users, counties, providers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lang = useLang();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <h1>{lang === "en" ? "Accounts" : "账号管理"}</h1>
      <Outcome result={result} />
      <table>
        <thead>
          <tr>
            <th>用户名</th>
            <th>姓名</th>
            <th>角色</th>
            <th>范围</th>
            <th className="num">在线会话</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{L(lang, ROLE_LABEL[u.role])}</td>
              <td>{u.scope}</td>
              <td className="num">{u.activeSessions}</td>
              <td>{u.disabled ? <span className="badge bad">已停用</span> : <span className="badge ok">正常</span>}</td>
              <td>
                <Form method="post" className="inline">
                  <input type="hidden" name="userId" value={u.id} />
                  <button className="secondary" name="intent" value={u.disabled ? "enable" : "disable"}>
                    {u.disabled ? "启用" : "停用"}
                  </button>{" "}
                  <button className="secondary" name="intent" value="revoke">结束会话</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card" style={{ marginTop: "1.5rem" }}>
        <h2>新建账号</h2>
        <Form method="post" className="form-grid">
          <Field label="用户名" name="username" errors={errors}><input name="username" required /></Field>
          <Field label="姓名" name="displayName" errors={errors}><input name="displayName" required /></Field>
          <Field label="角色" name="role" errors={errors}>
            <select name="role" defaultValue="PROCTOR">
              {ROLES.map((r) => <option key={r} value={r}>{L(lang, ROLE_LABEL[r])}</option>)}
            </select>
          </Field>
          <Field label="所属县（监考）" name="countyId" errors={errors}>
            <select name="countyId" defaultValue="">
              <option value="">—</option>
              {counties.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
          <Field label="施教单位（施教账号）" name="providerId" errors={errors}>
            <select name="providerId" defaultValue="">
              <option value="">—</option>
              {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
          <Field label="初始密码（≥10 位，含字母和数字）" name="password" errors={errors}><input name="password" type="password" required autoComplete="new-password" /></Field>
          <div><button name="intent" value="create">创建</button></div>
        </Form>
      </div>
      <div className="card">
        <h2>重置密码</h2>
        <Form method="post" className="form-grid">
          <Field label="账号" name="userId" errors={errors}>
            <select name="userId">{users.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}</select>
          </Field>
          <Field label="新密码" name="password" errors={errors}><input name="password" type="password" required autoComplete="new-password" /></Field>
          <div><button name="intent" value="reset">重置</button></div>
        </Form>
      </div>
    </>
  );
}
