import { Client, startApp, type TestApp } from "../support/app";
let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(() => app?.stop());
it("debug", async () => {
  const c = new Client(app.base);
  for (const u of ["/proctor/sessions/x/act"]) { const r = await c.get(u); console.log(u, r.status, r.headers.get("location"), (await r.text()).slice(0, 200)); }
  const r = await c.request("/provider/classes/x", { method: "POST", body: new URLSearchParams({ intent: "hours" }) }); console.log("urlenc", r.status, (await r.text()).slice(0,200));
  const p = new Client(app.base); await p.login("provider.xingan");
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { provider: { name: "伊春兴安职业技能培训学校" } } });
  for (const init of [{ body: new URLSearchParams({ intent: "hours" }) }, { body: "garbage", headers: { "Content-Type": "multipart/form-data" } }, { body: "garbage", headers: { "Content-Type": "multipart/form-data; boundary=xyz" } }]) {
    const r2 = await p.request(`/provider/classes/${cls.id}`, { method: "POST", ...init }); console.log("prov", r2.status, (await r2.text()).slice(0,200));
  }
});
