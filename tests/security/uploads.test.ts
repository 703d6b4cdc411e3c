// Camera snapshots (POST /kiosk/api/snapshot, raw bytes): oversized, of the wrong type, or lying
// about their type by Content-Type or file content are refused (413/415), and nothing is stored —
// no row, no file. What is accepted is served back as the type its bytes are, with nosniff.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession } from "../support/exam-setup";
import { JPEG } from "../support/security-world";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "ankao-uploads-")); // snapshots land here, not in ./data
const MAX = 512 * 1024;
let app: TestApp;
let kiosk: Kiosk;
let ses: Awaited<ReturnType<typeof prepareSession>>;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(40).fill(1)]);
const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
const HTML = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const jpegOf = (size: number) => {
  const b = new Uint8Array(size).fill(0x42);
  b.set(JPEG.subarray(0, 4));
  return b;
};

const files = (): number => {
  try {
    return readdirSync(join(process.env.DATA_DIR!, "snapshots"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
};
const stored = async () => ({ rows: await app.db.snapshot.count(), files: files() });
const post = (body: BodyInit, type: string | null) =>
  kiosk.request("/kiosk/api/snapshot", { method: "POST", body, headers: type ? { "Content-Type": type } : {}, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { requireCamera: true });
  kiosk = new Kiosk(app.base);
  expect((await kiosk.signIn(ses.candidates[0])).status).toBe(302);
});
afterAll(async () => {
  await app?.stop();
  rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});

describe("refused, and nothing stored", () => {
  const cases: Array<{ label: string; body: () => BodyInit; type: string | null; status: number; says: RegExp }> = [
    { label: "one byte over the limit", body: () => jpegOf(MAX + 1), type: "image/jpeg", status: 413, says: /过大.*512 KB/ },
    { label: "8 MB", body: () => jpegOf(8 * 1024 * 1024), type: "image/jpeg", status: 413, says: /过大/ },
    { label: "8 MB streamed without a length", body: () => new Blob([jpegOf(8 * 1024 * 1024)]).stream(), type: "image/jpeg", status: 413, says: /过大/ },
    { label: "40 MB (past what the server reads at all)", body: () => jpegOf(40 * 1024 * 1024), type: "image/jpeg", status: 413, says: /过大/ },
    { label: "40 MB streamed without a length", body: () => new Blob([jpegOf(40 * 1024 * 1024)]).stream(), type: "image/jpeg", status: 413, says: /过大/ },
    { label: "empty", body: () => new Uint8Array(), type: "image/jpeg", status: 400, says: /空文件/ },
    { label: "a GIF", body: () => GIF, type: "image/gif", status: 415, says: /JPEG 或 PNG/ },
    { label: "an SVG with a script", body: () => SVG, type: "image/svg+xml", status: 415, says: /JPEG 或 PNG/ },
    { label: "plain text", body: () => "hello", type: "text/plain", status: 415, says: /JPEG 或 PNG/ },
    { label: "a PNG declared as JPEG", body: () => PNG, type: "image/jpeg", status: 415, says: /image\/jpeg 与内容 image\/png 不符/ },
    { label: "a JPEG declared as PNG", body: () => JPEG, type: "image/png", status: 415, says: /image\/png 与内容 image\/jpeg 不符/ },
    { label: "an HTML page named as JPEG", body: () => HTML, type: "image/jpeg", status: 415, says: /JPEG 或 PNG/ },
    { label: "an HTML page with no type", body: () => HTML, type: null, status: 415, says: /JPEG 或 PNG/ },
    { label: "a JPEG wrapped in a multipart form", body: () => { const f = new FormData(); f.set("file", new Blob([JPEG], { type: "image/jpeg" }), "a.jpg"); return f; }, type: null, status: 415, says: /JPEG 或 PNG/ },
  ];
  for (const c of cases)
    it(c.label, async () => {
      const before = await stored();
      const res = await post(c.body(), c.type).catch((e: Error & { cause?: { code?: string } }) => e);
      if (res instanceof Error) {
        // Past 16 MB the server stops reading and hangs up rather than take it all in.
        expect(c.label).toMatch(/40 MB/);
        expect(res.cause?.code).toMatch(/ECONNRESET|EPIPE|UND_ERR_SOCKET/);
        expect(await stored()).toEqual(before);
        return;
      }
      expect(res.status).toBe(c.status);
      const body = (await res.json()) as { ok: boolean; error: string };
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(c.says);
      expect(await stored()).toEqual(before);
    });

  it("a refused kiosk is still served afterwards (the oversized bodies did not wedge it)", async () => {
    expect((await kiosk.api("state")).status).toBe(200);
  });
});

describe("accepted", () => {
  it("a real JPEG is stored once by its hash and served back as image/jpeg with nosniff, to the room's proctor only", async () => {
    const before = await stored();
    const res = await post(JPEG, "image/jpeg");
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(await stored()).toEqual({ rows: before.rows + 1, files: before.files + 1 });
    expect((await post(JPEG, "image/jpeg")).status).toBe(200); // the same picture again: a row, not a second file
    expect((await stored()).files).toBe(before.files + 1);
    const proctor = new Client(app.base);
    await proctor.login("proctor.tieli");
    const img = await proctor.get(`/proctor/snapshots/${id}`);
    expect(img.status).toBe(200);
    expect(img.headers.get("Content-Type")).toBe("image/jpeg");
    expect(img.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await img.arrayBuffer())).toEqual(JPEG);
    const other = new Client(app.base);
    await other.login("proctor.jiayin");
    expect([403, 404]).toContain((await other.get(`/proctor/snapshots/${id}`)).status);
  });
});
