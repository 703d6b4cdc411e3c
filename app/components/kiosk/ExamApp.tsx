// The exam at the kiosk: one question at a time, a navigator, flags, a server-owned countdown,
// a visible save status, an outbox that survives reloads and network drops, and lockdown.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { KioskItem } from "~/domain/delivery";
import { displayRemaining } from "./clock";
import { clock, SECTION_LABEL } from "./format";
import { SaveQueue } from "./save-queue";
import { useCamera } from "./useCamera";
import { useLockdown } from "./useLockdown";

export interface KioskStateJson {
  state: string;
  remainingMs: number;
  serverTime: string;
  lastSeq: number;
  candidate: { name: string; idMasked: string; seat: string };
  session: { name: string; code: string; requireCamera: boolean; sessionId: string };
  camera: { needSignIn: boolean; nextInMs: number | null } | null;
  responses: Array<{ position: number; answer: unknown; flagged: boolean; seq: number }>;
  result: { score: number; maxScore: number | null; passed: boolean | null } | null;
  submittedAt: string | null;
}

type SaveStatus = "saved" | "saving" | "offline" | "refused";
type Answers = Map<number, { answer: unknown; flagged: boolean }>;

async function post(path: string, body?: unknown) {
  const res = await fetch(path, { method: "POST", headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  return { status: res.status, data: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

const answered = (a: unknown) => a !== null && a !== undefined && !(Array.isArray(a) && a.length === 0);

export function ExamApp({ initial, attemptKey }: { initial: KioskStateJson; attemptKey: string }) {
  const [st, setSt] = useState(initial);
  const [items, setItems] = useState<KioskItem[] | null>(null);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>(() => new Map(initial.responses.map((r) => [r.position, { answer: r.answer, flagged: r.flagged }])));
  const [saveStatus, setSaveStatus] = useState<SaveStatus>("saved");
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [, tick] = useState(0);
  const clockRef = useRef({ remainingMs: initial.remainingMs, at: typeof performance !== "undefined" ? performance.now() : 0, running: initial.state === "IN_PROGRESS" });
  const queueRef = useRef<SaveQueue | null>(null);
  const seqRef = useRef(initial.lastSeq);
  const flushing = useRef(false);
  const backoff = useRef(1000);

  const running = st.state === "IN_PROGRESS";
  const final = st.state === "SUBMITTED" || st.state === "TERMINATED";

  const sync = useCallback((s: { state?: unknown; remainingMs?: unknown }) => {
    if (typeof s.remainingMs === "number") clockRef.current = { remainingMs: s.remainingMs, at: performance.now(), running: s.state === "IN_PROGRESS" };
  }, []);

  const refresh = useCallback(async () => {
    const res = await fetch("/kiosk/api/state", { credentials: "same-origin" });
    if (res.status === 401) return window.location.assign("/kiosk");
    if (!res.ok) return;
    const s = (await res.json()) as KioskStateJson;
    sync(s);
    seqRef.current = Math.max(seqRef.current, s.lastSeq, queueRef.current?.maxSeq() ?? 0);
    setSt(s);
  }, [sync]);

  // The outbox: restore what a reload or crash left behind, then keep flushing it.
  const flush = useCallback(async () => {
    const q = queueRef.current;
    if (!q || flushing.current) return;
    flushing.current = true;
    try {
      for (let p = q.next(); p; p = q.next()) {
        setSaveStatus("saving");
        let r: { status: number; data: Record<string, unknown> };
        try {
          r = await post("/kiosk/api/save", p);
        } catch {
          setSaveStatus("offline");
          setTimeout(() => void flush(), backoff.current);
          backoff.current = Math.min(backoff.current * 2, 15_000);
          return;
        }
        if (r.status === 503 || r.data.retry === true) {
          // Not saved (the server's database is busy or away): keep it queued and retry.
          setSaveStatus("refused");
          if (typeof r.data.error === "string") setNotice(r.data.error);
          setTimeout(() => void flush(), backoff.current);
          backoff.current = Math.min(backoff.current * 2, 15_000);
          return;
        }
        backoff.current = 1000;
        sync(r.data);
        if (r.status === 200) q.ack(p.position, p.seq);
        else if (r.status === 401) return window.location.assign("/kiosk");
        else {
          // Paused, locked or ended: keep the answer queued and show why.
          setSaveStatus("refused");
          if (typeof r.data.error === "string") setNotice(r.data.error);
          void refresh();
          return;
        }
      }
      setSaveStatus("saved");
    } finally {
      flushing.current = false;
    }
  }, [refresh, sync]);

  useEffect(() => {
    const q = new SaveQueue(`ankao:outbox:${attemptKey}`);
    queueRef.current = q;
    seqRef.current = Math.max(seqRef.current, q.maxSeq());
    if (q.size) {
      setAnswers((prev) => {
        const m = new Map(prev);
        for (const p of q.all()) m.set(p.position, { answer: p.answer, flagged: p.flagged });
        return m;
      });
      void flush();
    }
    const online = () => void flush();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [attemptKey, flush]);

  // The paper arrives only once a proctor has admitted the candidate.
  useEffect(() => {
    if (items || !["IN_PROGRESS", "PAUSED", "LOCKED"].includes(st.state)) return;
    void fetch("/kiosk/api/paper", { credentials: "same-origin" }).then(async (r) => r.ok && setItems(((await r.json()) as { items: KioskItem[] }).items));
  }, [st.state, items]);

  // Live changes (admit, pause, resume, extend, lock, terminate) arrive by server-sent events.
  useEffect(() => {
    if (final) return;
    const es = new EventSource("/kiosk/events");
    es.onmessage = () => void refresh();
    for (const k of ["admit", "pause", "resume", "extend", "lock", "unlock", "submit", "terminate", "transfer"]) es.addEventListener(`attempt.${k}`, () => void refresh());
    es.onerror = () => setSaveStatus((s) => (s === "saved" ? s : "offline"));
    return () => es.close();
  }, [final, refresh]);

  // A heartbeat every 15 s; it also re-syncs the clock.
  useEffect(() => {
    if (final) return;
    const t = setInterval(() => void post("/kiosk/api/heartbeat").then((r) => { sync(r.data); if (r.data.state && r.data.state !== st.state) void refresh(); }).catch(() => setSaveStatus("offline")), 15_000);
    return () => clearInterval(t);
  }, [final, refresh, st.state, sync]);

  // The countdown only displays; at zero the server submits, and we ask it for the new state.
  useEffect(() => {
    const t = setInterval(() => {
      tick((n) => n + 1);
      const c = clockRef.current;
      if (c.running && displayRemaining(c.remainingMs, c.at, performance.now(), true) <= 0) {
        c.running = false;
        setTimeout(() => void refresh(), 1500);
      }
    }, 500);
    return () => clearInterval(t);
  }, [refresh]);

  const report = useCallback((kind: string, detail = "") => {
    void post("/kiosk/api/event", { kind, detail, clientAt: new Date().toISOString() }).then((r) => {
      if (r.data.count !== undefined) void refresh();
    }).catch(() => {});
  }, [refresh]);
  useCamera(st.camera, report, () => void refresh());
  const { fullscreen, enterFullscreen } = useLockdown(running || st.state === "PAUSED" || st.state === "LOCKED", report);

  const change = (position: number, answer: unknown, flagged: boolean) => {
    setAnswers((prev) => new Map(prev).set(position, { answer, flagged }));
    const seq = ++seqRef.current;
    queueRef.current?.put({ position, answer, flagged, seq });
    setSaveStatus("saving");
    // Debounced: a burst of clicks sends only the last state of the item.
    window.clearTimeout((change as unknown as { t?: number }).t);
    (change as unknown as { t?: number }).t = window.setTimeout(() => void flush(), 300);
  };

  const item = items?.[index];
  const current = item ? answers.get(item.position) : undefined;
  const unanswered = useMemo(() => (items ?? []).filter((i) => !answered(answers.get(i.position)?.answer)), [items, answers]);
  const flagged = useMemo(() => (items ?? []).filter((i) => answers.get(i.position)?.flagged), [items, answers]);

  const choose = (key: string) => {
    if (!item || !running) return;
    const cur = current?.answer;
    let next: unknown;
    if (item.section === "judge") next = key === "T";
    else if (item.section === "single") next = key;
    else {
      const set = new Set(Array.isArray(cur) ? (cur as string[]) : []);
      if (set.has(key)) set.delete(key);
      else set.add(key);
      next = [...set].sort();
    }
    change(item.position, next, current?.flagged ?? false);
  };
  const toggleFlag = () => item && running && change(item.position, current?.answer ?? null, !current?.flagged);
  const go = (i: number) => items && setIndex(Math.max(0, Math.min(items.length - 1, i)));

  // Keyboard: ← → to move, A–E (or T/F for 判断) to choose, F to flag.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!item || confirming || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toUpperCase();
      if (e.key === "ArrowRight" || e.key === "PageDown") go(index + 1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") go(index - 1);
      else if (k === "F" && item.section !== "judge") toggleFlag();
      else if (item.section === "judge" && (k === "T" || k === "A" || k === "1")) choose("T");
      else if (item.section === "judge" && (k === "F" || k === "B" || k === "2")) choose("F");
      else if (item.section !== "judge") {
        const opt = item.options.find((o) => o.label === k);
        if (opt) choose(opt.key);
      } else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const submit = async () => {
    await flush();
    if ((queueRef.current?.size ?? 0) > 0) {
      setNotice(`还有 ${queueRef.current!.size} 条答案尚未上传，请等待网络恢复后再交卷。`);
      return;
    }
    const r = await post("/kiosk/api/submit").catch(() => null);
    if (!r) return setNotice("网络中断，交卷未成功，请稍后重试。您的答案已保存。");
    setConfirming(false);
    if (r.status !== 200 && typeof r.data.error === "string") setNotice(r.data.error);
    await refresh();
  };

  const c = clockRef.current;
  const remaining = displayRemaining(c.remainingMs, c.at, performance.now(), c.running);

  if (final) return <Finished st={st} />;
  if (st.state === "AWAITING") return <Waiting st={st} />;

  const blank = !fullscreen || st.state !== "IN_PROGRESS";
  return (
    <div className="exam">
      <header className="exam-bar">
        <div>{st.candidate.name} · {st.candidate.idMasked} · 座位 {st.candidate.seat}</div>
        <div className={`save save-${saveStatus}`} role="status" aria-live="polite">
          {saveStatus === "saved" ? "✓ 已保存" : saveStatus === "saving" ? "正在保存…" : saveStatus === "offline" ? "网络中断：答案已暂存在本机，恢复后自动上传" : "未保存"}
        </div>
        <div className={`timer ${remaining < 5 * 60_000 ? "timer-low" : ""}`} aria-label="剩余时间">剩余 {clock(remaining)}</div>
      </header>
      {notice && <p className="kiosk-alert" role="alert" onClick={() => setNotice(null)}>{notice}</p>}
      {blank ? (
        <div className="exam-blank">
          {st.state === "PAUSED" ? <p>考试已由监考员暂停，计时已停止。请在座位上等待。</p> : st.state === "LOCKED" ? <p>考试已锁定，请举手联系监考员。</p> : <p>考试须在全屏模式下进行。</p>}
          {st.state !== "LOCKED" && st.state !== "PAUSED" && <button onClick={() => void enterFullscreen()} autoFocus>进入全屏继续答题</button>}
          {!fullscreen && (st.state === "PAUSED" || st.state === "LOCKED") && <button onClick={() => void enterFullscreen()}>进入全屏</button>}
        </div>
      ) : !items || !item ? (
        <div className="exam-blank"><p>正在加载试卷…</p></div>
      ) : (
        <div className="exam-body">
          <section className="question" aria-labelledby="q-title">
            <p className="q-meta">{SECTION_LABEL[item.section]} · 第 {item.index} 题 / 共 {items.length} 题 · 还剩 {unanswered.length} 题未答</p>
            <h2 id="q-title" className="q-stem">{item.stem}</h2>
            <div className="options" role={item.section === "multiple" ? "group" : "radiogroup"} aria-labelledby="q-title">
              {item.section === "judge"
                ? [["T", "正确"], ["F", "错误"]].map(([key, text]) => {
                    const on = current?.answer === (key === "T");
                    return (
                      <button key={key} className={`option ${on ? "on" : ""}`} role="radio" aria-checked={on} onClick={() => choose(key)}>
                        <span className="opt-key">{key === "T" ? "√" : "×"}</span>{text}
                      </button>
                    );
                  })
                : item.options.map((o) => {
                    const cur = current?.answer;
                    const on = item.section === "single" ? cur === o.key : Array.isArray(cur) && (cur as string[]).includes(o.key);
                    return (
                      <button key={o.key} className={`option ${on ? "on" : ""}`} role={item.section === "single" ? "radio" : "checkbox"} aria-checked={on} onClick={() => choose(o.key)}>
                        <span className="opt-key">{o.label}</span>{o.text}
                      </button>
                    );
                  })}
            </div>
            {item.section === "multiple" && <p className="q-hint">多选题：选出所有正确选项</p>}
            <div className="q-nav">
              <button onClick={() => go(index - 1)} disabled={index === 0}>← 上一题</button>
              <button className={`flag ${current?.flagged ? "on" : ""}`} onClick={toggleFlag} aria-pressed={!!current?.flagged}>{current?.flagged ? "★ 已标记" : "☆ 标记待查"}</button>
              {index < items.length - 1 ? <button onClick={() => go(index + 1)}>下一题 →</button> : <button className="primary" onClick={() => setConfirming(true)}>交卷</button>}
            </div>
          </section>
          <nav className="navigator" aria-label="题目导航">
            <div className="grid">
              {items.map((it, i) => {
                const a = answers.get(it.position);
                return (
                  <button key={it.position} className={`cell ${answered(a?.answer) ? "done" : ""} ${a?.flagged ? "flagged" : ""} ${i === index ? "current" : ""}`} onClick={() => setIndex(i)} aria-label={`第 ${it.index} 题${answered(a?.answer) ? "，已答" : "，未答"}${a?.flagged ? "，已标记" : ""}`}>
                    {it.index}
                  </button>
                );
              })}
            </div>
            <p className="legend"><span className="cell done" /> 已答　<span className="cell" /> 未答　<span className="cell flagged" /> 标记</p>
            <button className="primary wide" onClick={() => setConfirming(true)}>交卷</button>
          </nav>
        </div>
      )}
      {confirming && (
        <div className="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
          <div className="modal-card">
            <h2 id="confirm-title">确认交卷？</h2>
            {unanswered.length > 0 ? <p>还有 <b>{unanswered.length}</b> 题未作答：第 {unanswered.map((i) => i.index).join("、")} 题。</p> : <p>全部题目均已作答。</p>}
            {flagged.length > 0 && <p>已标记待查：第 {flagged.map((i) => i.index).join("、")} 题。</p>}
            <p>交卷后不能再修改答案。</p>
            <div className="q-nav">
              <button onClick={() => setConfirming(false)} autoFocus>返回检查</button>
              <button className="primary" onClick={() => void submit()}>确认交卷</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

function Waiting({ st }: { st: KioskStateJson }) {
  return (
    <main className="kiosk kiosk-wait">
      <h1>请等待监考员确认身份</h1>
      <p className="kiosk-sub">{st.candidate.name}　{st.candidate.idMasked}　座位 {st.candidate.seat}　·　{st.session.name}</p>
      <div className="kiosk-card rules">
        <h2>考场规则</h2>
        <ol>
          <li>本考试为闭卷考试，禁止携带和查阅任何资料。</li>
          <li>考试全程须保持全屏，切换窗口、退出全屏、复制粘贴等操作都会被记录；违规达到规定次数将被锁定。</li>
          <li>每次作答都会自动保存，右上角显示“已保存”。网络中断时答案暂存在本机，恢复后自动上传。</li>
          <li>考试时间由服务器计时，时间到将自动交卷。</li>
          <li>遇到问题请举手示意监考员，不要离开座位。</li>
        </ol>
      </div>
      <p className="kiosk-hint" role="status">监考员放行后，考试将自动开始。</p>
    </main>
  );
}

function Finished({ st }: { st: KioskStateJson }) {
  const leave = async () => {
    await fetch("/kiosk/api/leave", { method: "POST", credentials: "same-origin" });
    window.location.assign("/kiosk");
  };
  return (
    <main className="kiosk kiosk-done">
      <h1>{st.state === "TERMINATED" ? "考试已由监考员终止" : "已提交"}</h1>
      <p className="kiosk-sub">{st.candidate.name}　{st.session.name}</p>
      {st.result ? (
        <div className="kiosk-card result">
          <p>成绩</p>
          <p className="score">{st.result.score} <small>/ {st.result.maxScore}</small></p>
          <p className={st.result.passed ? "pass" : "fail"}>{st.result.passed ? "合格" : "不合格"}</p>
        </div>
      ) : (
        <p className="kiosk-card">您的答卷已安全提交。成绩将在考务部门公布后可查询。</p>
      )}
      <button onClick={() => void leave()}>退出</button>
    </main>
  );
}
