// The proctor's live room: one tile per candidate, updated by server-sent events only.
import { useEffect, useMemo, useRef, useState } from "react";
import type { RoomState } from "~/data/room.server";
import { clock } from "~/components/kiosk/format";
import { applyEvent, type LiveEvent } from "./live-tiles";

type Tile = RoomState["tiles"][number];
type Filter = "all" | "attention" | "offline" | "locked" | "waiting";
type Act = (f: Record<string, string>) => Promise<boolean>;

const STATE_LABEL: Record<Tile["state"], string> = {
  NOT_ARRIVED: "未到场",
  AWAITING: "待放行",
  IN_PROGRESS: "答题中",
  PAUSED: "已暂停",
  LOCKED: "已锁定",
  SUBMITTED: "已交卷",
  ABSENT: "缺考",
  TERMINATED: "已终止",
};
export const KIND_LABEL: Record<string, string> = {
  BLUR: "窗口失焦",
  HIDDEN: "页面隐藏",
  FULLSCREEN_EXIT: "退出全屏",
  COPY: "复制",
  CUT: "剪切",
  PASTE: "粘贴",
  CONTEXT_MENU: "右键菜单",
  PRINT: "打印",
  DRAG: "拖拽",
  SELECT: "选择文本",
  CAMERA_MISSING: "摄像头不可用",
  SEB_MISMATCH: "非安全浏览器",
  DEVTOOLS: "开发者工具",
};
const LIVE_EVENTS = [
  "integrity", "attempt.arrive", "attempt.rejoin", "attempt.admit", "attempt.pause", "attempt.resume", "attempt.extend", "attempt.lock", "attempt.unlock",
  "attempt.submit", "attempt.terminate", "attempt.transfer", "attempt.cameraOverride", "registration.absent", "incident", "camera.snapshot", "session.open", "session.close",
];
const RUNNING = ["AWAITING", "IN_PROGRESS", "PAUSED", "LOCKED"];
const EVENT_LABEL: Record<string, string> = {
  "attempt.arrive": "到场登录", "attempt.rejoin": "重新登录", "attempt.admit": "放行", "attempt.pause": "暂停", "attempt.resume": "继续", "attempt.extend": "延长时间",
  "attempt.lock": "锁定", "attempt.unlock": "解锁", "attempt.submit": "交卷", "attempt.terminate": "终止", "attempt.transfer": "转机", "attempt.cameraOverride": "摄像头豁免",
  "registration.absent": "缺考", incident: "考场记录", "camera.snapshot": "照片", "session.open": "开考", "session.close": "结束考场",
};
const needsAttention = (t: Tile) => t.state === "LOCKED" || t.state === "AWAITING" || t.integrityCount > 0 || (t.running && !t.online);

export function RoomConsole({ initial }: { initial: RoomState }) {
  const [room, setRoom] = useState(initial);
  const [received, setReceived] = useState(() => Date.now());
  const [connected, setConnected] = useState(false);
  const [filter, setFilter] = useState<Filter>("all");
  const [log, setLog] = useState<Array<{ id: string; text: string }>>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [, tick] = useState(0);
  const names = useRef(new Map<string, string>());
  names.current = new Map(room.tiles.filter((t) => t.attemptId).map((t) => [t.attemptId!, `${t.seat} ${t.name}`]));

  useEffect(() => {
    const es = new EventSource(`/proctor/sessions/${initial.session.id}/stream`);
    // Events newer than a frame's `asOf` may be missing from it: they are applied again on top.
    let recent: Array<{ id: number; type: string; d: LiveEvent }> = [];
    es.addEventListener("snapshot", (e) => {
      const frame = JSON.parse((e as MessageEvent).data) as RoomState & { asOf: number };
      recent = recent.filter((x) => x.id > frame.asOf);
      setRoom(recent.reduce((r, x) => applyEvent(r, x.type, x.d), frame as RoomState));
      setReceived(Date.now());
    });
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    const onEvent = (e: Event) => {
      const m = e as MessageEvent;
      const d = JSON.parse(m.data) as LiveEvent;
      // The tile changes now; the next room frame (at most one a second) brings the rest.
      setRoom((r) => applyEvent(r, m.type, d));
      recent = [...recent.slice(-499), { id: Number(m.lastEventId), type: m.type, d }];
      const who = d.attemptId ? names.current.get(d.attemptId) ?? "" : "全场";
      const what = m.type === "integrity" ? `⚠ ${KIND_LABEL[d.kind ?? ""] ?? d.kind}` : EVENT_LABEL[m.type] ?? m.type;
      const time = new Date(d.at ?? Date.now()).toLocaleTimeString("zh-CN", { hour12: false });
      setLog((l) => [{ id: m.lastEventId, text: `${time} ${who} ${what}${d.reason ? `（${d.reason}）` : ""}` }, ...l].slice(0, 50));
    };
    for (const k of LIVE_EVENTS) es.addEventListener(k, onEvent);
    return () => es.close();
  }, [initial.session.id]);

  // Only the displayed countdowns tick locally; all state comes from the stream.
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);

  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const t of room.tiles) c[t.state] = (c[t.state] ?? 0) + 1;
    return c;
  }, [room]);
  const offline = room.tiles.filter((t) => t.running && !t.online).length;
  const shown = room.tiles.filter((t) =>
    filter === "all" ? true : filter === "attention" ? needsAttention(t) : filter === "offline" ? t.running && !t.online : filter === "locked" ? t.state === "LOCKED" : t.state === "AWAITING",
  );
  const filterLabel: Record<Filter, string> = {
    all: `全部 ${room.tiles.length}`,
    attention: `需关注 ${room.tiles.filter(needsAttention).length}`,
    offline: `离线 ${offline}`,
    locked: `锁定 ${counts.LOCKED ?? 0}`,
    waiting: `待放行 ${counts.AWAITING ?? 0}`,
  };

  const act: Act = async (fields) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const res = await fetch(`/proctor/sessions/${room.session.id}/act`, { method: "POST", body });
    const r = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; done?: number };
    setMessage(r.ok ? (r.done !== undefined ? `已处理 ${r.done} 名考生` : "已完成") : r.error ?? "操作失败");
    return !!r.ok;
  };
  const elapsed = Date.now() - received;
  const selected = room.tiles.find((t) => t.registrationId === selectedId) ?? null;

  return (
    <div className="console">
      <div className="console-head">
        <div>
          <h1>{room.session.code} {room.session.name}</h1>
          <p className="muted">
            {room.session.county} · {room.session.venue} · {new Date(room.session.startsAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} · {room.session.durationMin} 分钟 · 违规阈值{" "}
            {room.session.violationThreshold} 次 · 试卷 {room.session.papers.map((p) => `${p.code}（校验码 ${p.hash.slice(0, 8)}）`).join("、")}
          </p>
        </div>
        <div className={`live ${connected ? "on" : "off"}`}>{connected ? "● 实时" : "○ 正在连接…"}</div>
      </div>
      <div className="stats compact">
        <div className="stat">答题中<b>{counts.IN_PROGRESS ?? 0}</b></div>
        <div className="stat">待放行<b>{counts.AWAITING ?? 0}</b></div>
        <div className="stat">未到场<b>{counts.NOT_ARRIVED ?? 0}</b></div>
        <div className="stat">已交卷<b>{counts.SUBMITTED ?? 0}</b></div>
        <div className="stat">离线<b>{offline}</b></div>
      </div>
      <div className="toolbar">
        {(["all", "attention", "offline", "locked", "waiting"] as const).map((f) => (
          <button key={f} className={filter === f ? "" : "secondary"} onClick={() => setFilter(f)} aria-pressed={filter === f}>
            {filterLabel[f]}
          </button>
        ))}
        <span className="spacer" />
        {room.session.status === "SCHEDULED" && <button onClick={() => void act({ op: "open" })}>开考</button>}
        <button className="secondary" onClick={() => void act({ op: "room", action: "admit" })}>全部放行</button>
        <button
          className="secondary"
          onClick={() => {
            const reason = prompt("全场暂停的原因：");
            if (reason) void act({ op: "room", action: "pause", reason });
          }}
        >
          全场暂停
        </button>
        <button className="secondary" onClick={() => void act({ op: "room", action: "resume" })}>全场继续</button>
        {room.session.status !== "CLOSED" && (
          <button className="danger" onClick={() => confirm("结束考场？所有考生须已交卷。") && void act({ op: "close" })}>结束考场</button>
        )}
        {room.session.status === "CLOSED" && <a className="button secondary" href={`/proctor/sessions/${room.session.id}/record`}>下载考场记录 PDF</a>}
      </div>
      {message && <p className="notice" role="status" onClick={() => setMessage(null)}>{message}</p>}
      <div className="console-body">
        <div className="tiles" role="list">
          {shown.map((t) => (
            <TileView key={t.registrationId} t={t} elapsed={elapsed} selected={t.registrationId === selectedId} onSelect={() => setSelectedId(t.registrationId)} />
          ))}
        </div>
        <aside className="side">
          {selected ? <CandidatePanel tile={selected} act={act} /> : <p className="muted">点击考生卡片进行操作。</p>}
          <IncidentForm act={act} tiles={room.tiles} />
          <h3>事件</h3>
          <ol className="log">{log.map((l) => <li key={l.id}>{l.text}</li>)}</ol>
        </aside>
      </div>
    </div>
  );
}

function TileView({ t, elapsed, selected, onSelect }: { t: Tile; elapsed: number; selected: boolean; onSelect: () => void }) {
  const rem = t.remainingMs === null ? null : t.running ? t.remainingMs - elapsed : t.remainingMs;
  const cls = `tile st-${t.state} ${needsAttention(t) ? "attention" : ""} ${t.running && !t.online ? "offline" : ""} ${selected ? "sel" : ""}`;
  return (
    <button role="listitem" className={cls} onClick={onSelect} data-seat={t.seat} data-state={t.state}>
      <div className="tile-top"><b>{t.seat}</b> {t.name}<span className="state">{STATE_LABEL[t.state]}</span></div>
      <div className="muted">{t.idMasked}{t.kiosk ? ` · 机 ${t.kiosk}` : ""}</div>
      <div className="tile-row">
        <span>{t.answered}/{t.total} 题</span>
        <span>{rem === null ? "—" : clock(rem)}</span>
        <span>{t.running ? (t.online ? "在线" : "离线") : ""}</span>
      </div>
      {t.integrityCount > 0 && (
        <div className="tile-warn">
          ⚠ {t.integrityCount} 次 · {KIND_LABEL[t.latestIntegrity?.kind ?? ""] ?? t.latestIntegrity?.kind}{" "}
          {t.latestIntegrity && new Date(t.latestIntegrity.at).toLocaleTimeString("zh-CN", { hour12: false })}
        </div>
      )}
      {t.snapshot && <img className="tile-snap" alt={`${t.name} 照片`} src={`/proctor/snapshots/${t.snapshot.id}`} loading="lazy" />}
    </button>
  );
}

function CandidatePanel({ tile, act }: { tile: Tile; act: Act }) {
  const run = (action: string, extra: Record<string, string> = {}) => act({ op: "candidate", registrationId: tile.registrationId, action, ...extra });
  const withReason = (action: string, label: string) => () => {
    const reason = prompt(label);
    if (reason) void run(action, { reason });
  };
  const live = RUNNING.includes(tile.state);
  return (
    <div className="card panel">
      <h2>{tile.seat} {tile.name}</h2>
      <p className="muted">{tile.idMasked} · {STATE_LABEL[tile.state]}</p>
      {tile.snapshot && <img className="panel-snap" alt="签到照片" src={`/proctor/snapshots/${tile.snapshot.id}`} />}
      <div className="actions">
        {tile.state === "AWAITING" && <button onClick={() => void run("admit")}>放行</button>}
        {tile.state === "AWAITING" && <button className="secondary" onClick={withReason("cameraOverride", "摄像头豁免原因：")}>摄像头豁免</button>}
        {tile.state === "IN_PROGRESS" && <button className="secondary" onClick={withReason("pause", "暂停原因：")}>暂停</button>}
        {tile.state === "PAUSED" && <button onClick={() => void run("resume")}>继续</button>}
        {tile.state === "LOCKED" && <button onClick={() => void run("unlock")}>解锁</button>}
        {tile.state === "IN_PROGRESS" && <button className="secondary" onClick={withReason("lock", "锁定原因：")}>锁定</button>}
        {live && (
          <button
            className="secondary"
            onClick={() => {
              const minutes = prompt("延长多少分钟？");
              const reason = minutes && prompt("延长原因：");
              if (minutes && reason) void run("extend", { minutes, reason });
            }}
          >
            延长时间
          </button>
        )}
        {tile.attemptId && live && <button className="secondary" onClick={withReason("transfer", "转机原因（考生将在新考试机重新登录）：")}>转机</button>}
        {(tile.state === "NOT_ARRIVED" || tile.state === "AWAITING") && <button className="secondary" onClick={withReason("absent", "缺考说明：")}>登记缺考</button>}
        {live && tile.state !== "AWAITING" && <button className="secondary" onClick={withReason("submit", "收卷原因：")}>收卷</button>}
        {live && <button className="danger" onClick={withReason("terminate", "终止考试（违纪）——请填写证据说明：")}>终止考试</button>}
      </div>
    </div>
  );
}

function IncidentForm({ act, tiles }: { act: Act; tiles: Tile[] }) {
  const [category, setCategory] = useState("TECHNICAL");
  const [note, setNote] = useState("");
  const [who, setWho] = useState("");
  return (
    <form
      className="card panel"
      onSubmit={(e) => {
        e.preventDefault();
        void act({ op: "incident", category, note, registrationId: who }).then((ok) => ok && setNote(""));
      }}
    >
      <h3>考场记录</h3>
      <label>
        类别
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="ENVIRONMENT">考场环境</option>
          <option value="EXAMINEE">考生</option>
          <option value="STAFF">工作人员</option>
          <option value="TECHNICAL">技术故障</option>
          <option value="OTHER">其他</option>
        </select>
      </label>
      <label>
        涉及考生
        <select value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">全场</option>
          {tiles.map((t) => (
            <option key={t.registrationId} value={t.registrationId}>{t.seat} {t.name}</option>
          ))}
        </select>
      </label>
      <label>
        说明
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} required />
      </label>
      <button>记录</button>
    </form>
  );
}
