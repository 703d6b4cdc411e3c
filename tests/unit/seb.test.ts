// Safe Exam Browser: SEB-JSON and the Config Key, the per-request hash, the kiosk defaults, the
// .seb file, and the kiosk gate. Vectors: the SEB-JSON rules as Moodle's property_list tests state
// them (ordering allowWlan < allowWLAN, unescaped "/" and "\", empty dict removal, ISO dates,
// Base64 data), plus Config Keys computed by an independent implementation (Python hashlib with
// its own case-insensitive sort) over the same settings.
import { gunzipSync } from "node:zlib";
import {
  checkSebRequest,
  compareSebKeys,
  configKey,
  defaultSebSettings,
  expectedHeader,
  normalizeSebSettings,
  parseSebSettings,
  sebJson,
  sessionSebSettings,
  type SebDict,
  type SebValue,
} from "~/domain/seb";
import { sha256Hex } from "~/domain/canonical";
import { plistXml, sebFile } from "~/services/seb-file.server";
import { clientUrl, sebGate, verifySebJsApi, SEB_COOKIE } from "~/utils/seb.server";

// ---------------------------------------------------------------------------------------------
// A tiny XML-plist reader, written independently of the writer under test (no regular
// expressions): walks the text character by character.
function parsePlist(xml: string): SebDict {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`plist: ${msg} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < xml.length && " \t\r\n".includes(xml[i])) i++;
  };
  const decode = (s: string) => {
    let out = "";
    for (let k = 0; k < s.length; k++) {
      if (s[k] !== "&") {
        out += s[k];
        continue;
      }
      const end = s.indexOf(";", k);
      const ent = s.slice(k + 1, end);
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (ent in named) out += named[ent];
      else if (ent.startsWith("#x")) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
      else if (ent.startsWith("#")) out += String.fromCodePoint(parseInt(ent.slice(1), 10));
      else fail(`unknown entity &${ent};`);
      k = end;
    }
    return out;
  };
  // Reads "<name>", "<name/>" or "</name>"; skips <?xml ...?> and <!DOCTYPE ...>.
  const tag = (): { name: string; close: boolean; empty: boolean } => {
    for (;;) {
      skipSpace();
      if (xml[i] !== "<") fail("expected <");
      if (xml[i + 1] === "?" || xml[i + 1] === "!") {
        i = xml.indexOf(">", i) + 1;
        continue;
      }
      const end = xml.indexOf(">", i);
      let body = xml.slice(i + 1, end).trim();
      i = end + 1;
      const close = body.startsWith("/");
      const empty = body.endsWith("/");
      if (close) body = body.slice(1);
      if (empty) body = body.slice(0, -1).trim();
      const space = body.indexOf(" ");
      return { name: space < 0 ? body : body.slice(0, space), close, empty };
    }
  };
  const text = (name: string): string => {
    const end = xml.indexOf(`</${name}>`, i);
    if (end < 0) fail(`unclosed <${name}>`);
    const raw = xml.slice(i, end);
    i = end + name.length + 3;
    return decode(raw);
  };
  const value = (t: { name: string; empty: boolean }): SebValue => {
    switch (t.name) {
      case "true":
      case "false":
        if (!t.empty) fail("<true/> and <false/> are empty elements");
        return t.name === "true";
      case "string":
        return t.empty ? "" : text("string");
      case "integer": {
        const s = text("integer").trim();
        const n = Number(s);
        if (!Number.isInteger(n)) fail(`bad integer ${s}`);
        return n;
      }
      case "real":
        return Number(text("real").trim());
      case "data":
        return new Uint8Array(Buffer.from(t.empty ? "" : text("data").trim(), "base64"));
      case "date":
        return new Date(text("date").trim());
      case "array": {
        const out: SebValue[] = [];
        if (t.empty) return out;
        for (;;) {
          const n = tag();
          if (n.close) {
            if (n.name !== "array") fail(`</${n.name}> closes <array>`);
            return out;
          }
          out.push(value(n));
        }
      }
      case "dict": {
        const entries: Array<[string, SebValue]> = [];
        if (!t.empty)
          for (;;) {
            const k = tag();
            if (k.close) {
              if (k.name !== "dict") fail(`</${k.name}> closes <dict>`);
              break;
            }
            if (k.name !== "key") fail(`expected <key>, got <${k.name}>`);
            const key = text("key");
            entries.push([key, value(tag())]);
          }
        return Object.fromEntries(entries);
      }
      default:
        return fail(`unknown element <${t.name}>`);
    }
  };
  const root = tag();
  if (root.name !== "plist") fail("root must be <plist>");
  const top = value(tag());
  if (tag().name !== "plist") fail("expected </plist>");
  if (typeof top !== "object" || Array.isArray(top) || top instanceof Uint8Array || top instanceof Date) return fail("top level must be a dict");
  return top as SebDict;
}

/** The settings a .seb file holds: check the prefix, gunzip the rest, read the plist. */
function readSeb(bytes: Buffer): SebDict {
  expect(bytes.subarray(0, 4).toString("ascii")).toBe("plnd");
  return parsePlist(gunzipSync(bytes.subarray(4)).toString("utf8"));
}

// ---------------------------------------------------------------------------------------------
describe("SEB-JSON", () => {
  it("sorts keys case-insensitively, lower case first on a tie (allowWlan before allowWLAN)", () => {
    expect(sebJson({ testKey: "testValue", allowWLAN: "testValue2", allowWlan: "testValue3" })).toBe(
      '{"allowWlan":"testValue3","allowWLAN":"testValue2","testKey":"testValue"}',
    );
    // Case-insensitive, not ASCII: URLFilter* interleaves with urlFilter*; digits compare as characters.
    expect(sebJson({ urlFilterRegex: true, URLFilterRules: [], URLFilterEnable: false, enableF2: 1, enableF10: 1, enableF1: 1 })).toBe(
      '{"enableF1":1,"enableF10":1,"enableF2":1,"URLFilterEnable":false,"urlFilterRegex":true,"URLFilterRules":[]}',
    );
    expect(["b", "B", "a", "A", "ab", "aB"].sort(compareSebKeys)).toEqual(["a", "A", "ab", "aB", "b", "B"]);
  });

  it("sorts nested dictionaries, also inside arrays, and keeps array order", () => {
    expect(sebJson({ dict: { banana: false, apple: true } })).toBe('{"dict":{"apple":true,"banana":false}}');
    expect(sebJson({ rules: [{ regex: false, action: 1 }, { Zeta: 1, alpha: 2 }], list: [3, 1, 2] })).toBe(
      '{"list":[3,1,2],"rules":[{"action":1,"regex":false},{"alpha":2,"Zeta":1}]}',
    );
  });

  it("orders integer-like keys as strings, not the way JavaScript enumerates them", () => {
    expect(sebJson({ "2": true, "10": false, "1": true, b: 0 })).toBe('{"1":true,"10":false,"2":true,"b":0}');
  });

  it("removes empty dictionaries (also one emptied by that removal) but keeps empty arrays", () => {
    expect(sebJson({ bool: true, emptydict: {} })).toBe('{"bool":true}');
    expect(sebJson({ bool: true, array: [] })).toBe('{"array":[],"bool":true}');
    expect(sebJson({ a: { b: { c: {} } }, z: 1 })).toBe('{"z":1}');
    expect(sebJson({ list: [{}] })).toBe('{"list":[{}]}'); // only dictionary *values* are removed
  });

  it("leaves out originatorVersion at every depth", () => {
    expect(sebJson({ originatorVersion: "SEB_OSX_2.1.4", x: { originatorVersion: "y", k: 1 } })).toBe('{"x":{"k":1}}');
  });

  it("writes strings unescaped: slashes, backslashes, non-ASCII; only a double quote is escaped", () => {
    expect(sebJson({ url: "http://test.com" })).toBe('{"url":"http://test.com"}');
    expect(sebJson({ string: "ws:\\localhost" })).toBe('{"string":"ws:\\localhost"}');
    expect(sebJson({ string: "ws:\\\\localhost" })).toBe('{"string":"ws:\\\\localhost"}');
    expect(sebJson({ string: "hello wörld 安全考试" })).toBe('{"string":"hello wörld 安全考试"}');
    expect(sebJson({ s: 'say "hi"' })).toBe('{"s":"say \\"hi\\""}');
  });

  it("writes <data> as Base64 and <date> as ISO 8601", () => {
    expect(sebJson({ data: new TextEncoder().encode("blahblah") })).toBe('{"data":"YmxhaGJsYWg="}');
    expect(sebJson({ date: new Date("1940-10-09T22:13:56Z") })).toBe('{"date":"1940-10-09T22:13:56+00:00"}');
  });

  it("refuses values SEB cannot carry, naming the field and the rule", () => {
    expect(() => sebJson({ a: { b: [1, null as unknown as number] } })).toThrow("sebSettings.a.b[1]: 不支持的值 null");
    expect(() => sebJson({ s: "line\nbreak" })).toThrow("sebSettings.s: 不允许控制字符 U+000A");
    expect(() => sebJson({ n: 2 ** 31 })).toThrow("integer 2147483648 outside -2147483648..2147483647");
    expect(() => sebJson({ n: 0.1 + 0.2 })).toThrow("more than 15 significant digits");
    expect(() => sebJson({ n: Number.NaN })).toThrow("sebSettings.n: 数值必须有限");
    expect(() => sebJson({ 'bad"key': 1 })).toThrow("double quote");
  });
});

describe("Config Key", () => {
  it("is the SHA-256 of SEB-JSON, as 64 lowercase hex characters", () => {
    expect(configKey({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"); // sha256("{}")
    const s = { quitURL: "x", startURL: "y" };
    expect(configKey(s)).toBe(sha256Hex('{"quitURL":"x","startURL":"y"}'));
    expect(configKey(s)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches an independent implementation on a mixed vector", () => {
    const small: SebDict = {
      startURL: "https://exam.example.org/kiosk",
      URLFilterRules: [{ regex: false, expression: "exam.example.org/kiosk*", active: true, action: 1 }],
      allowWLAN: false,
      allowWlan: true,
      enableF10: true,
      enableF2: false,
      enableF1: true,
      proxies: {},
      originatorVersion: "SEB_Win_3.5",
      quitURL: "https://exam.example.org/kiosk/seb-quit",
      urlFilterRegex: false,
      URLFilterEnable: true,
      msg: '考试 "A" ws:\\localhost',
    };
    expect(sebJson(small)).toBe(
      '{"allowWlan":true,"allowWLAN":false,"enableF1":true,"enableF10":true,"enableF2":false,"msg":"考试 \\"A\\" ws:\\localhost",' +
        '"quitURL":"https://exam.example.org/kiosk/seb-quit","startURL":"https://exam.example.org/kiosk","URLFilterEnable":true,' +
        '"urlFilterRegex":false,"URLFilterRules":[{"action":1,"active":true,"expression":"exam.example.org/kiosk*","regex":false}]}',
    );
    expect(configKey(small)).toBe("c00742b492d5c82cac5ff4f01498a75948615c1c0b7c8232232ffa4b23e7506b");
  });

  it("does not depend on key order or on originatorVersion", () => {
    const a = defaultSebSettings({ startURL: "https://a.example/kiosk", quitURL: "https://a.example/kiosk/seb-quit" });
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    expect(configKey(reversed)).toBe(configKey(a));
    expect(configKey({ ...a, originatorVersion: "SEB_Win_3.9.0" })).toBe(configKey(a));
    expect(configKey({ ...a, allowQuit: true })).not.toBe(configKey(a));
  });

  it("of the default kiosk settings for http://127.0.0.1:3000 (changes only when the defaults do)", () => {
    const s = defaultSebSettings({ startURL: "http://127.0.0.1:3000/kiosk", quitURL: "http://127.0.0.1:3000/kiosk/seb-quit" });
    expect(configKey(s)).toBe("07e21fe9f9cfc1461c5d76a330057c3b0136f455d75e3182d1661174d6fde413");
  });
});

describe("X-SafeExamBrowser-ConfigKeyHash", () => {
  const key = "c00742b492d5c82cac5ff4f01498a75948615c1c0b7c8232232ffa4b23e7506b";
  const url = "https://exam.example.org/kiosk/item?n=3&flag=1";
  const hash = "367793187e99d8565d751e1413e8ddb1d872f59842da8a532fe058027158d099";

  it("is sha256(absolute URL + Config Key), over the query string and without the #fragment", () => {
    expect(expectedHeader(url, key)).toBe(hash);
    expect(expectedHeader(`${url}#q7`, key)).toBe(hash);
    expect(expectedHeader("https://exam.example.org/kiosk/item?n=4&flag=1", key)).not.toBe(hash);
  });

  it("checks a request: header, JS API over the page URL, missing, mismatch", () => {
    expect(checkSebRequest({ url, header: hash }, key)).toEqual({ ok: true, via: "header" });
    expect(checkSebRequest({ url, header: hash.toUpperCase() }, key)).toEqual({ ok: true, via: "header" });
    expect(checkSebRequest({ url: `${url}#top`, header: hash }, key)).toEqual({ ok: true, via: "header" });
    const wrongUrl = checkSebRequest({ url: "https://exam.example.org/kiosk/item?n=3", header: hash }, key);
    expect(wrongUrl).toMatchObject({ ok: false, reason: "mismatch" });
    expect(checkSebRequest({ url, header: hash }, "0".repeat(64))).toMatchObject({ ok: false, reason: "mismatch" });
    expect(checkSebRequest({ url }, key)).toMatchObject({ ok: false, reason: "missing" });
    // JS API: computed over the page the script runs on, which may differ from the request URL.
    const page = "https://exam.example.org/kiosk#q1";
    const js = expectedHeader(page, key);
    expect(checkSebRequest({ url: "https://exam.example.org/kiosk/save", jsApiKey: js, pageUrl: page }, key)).toEqual({ ok: true, via: "js-api" });
    expect(checkSebRequest({ url: "https://exam.example.org/kiosk/save", jsApiKey: js }, key)).toMatchObject({ ok: false, reason: "mismatch" });
    // A header, when sent, decides.
    expect(checkSebRequest({ url, header: "f".repeat(64), jsApiKey: js, pageUrl: page }, key)).toMatchObject({ ok: false, reason: "mismatch" });
  });
});

describe("default kiosk settings", () => {
  const s = defaultSebSettings({ startURL: "https://ankao.example.gov.cn/kiosk", quitURL: "https://ankao.example.gov.cn/kiosk/seb-quit" });

  it("lock the kiosk down", () => {
    expect(s).toMatchObject({
      startURL: "https://ankao.example.gov.cn/kiosk",
      quitURL: "https://ankao.example.gov.cn/kiosk/seb-quit",
      sendBrowserExamKey: true,
      allowQuit: false,
      showQuitButton: false,
      browserViewMode: 1,
      allowSpellCheck: false,
      allowDictionaryLookup: false,
      allowPrint: false,
      enablePrintScreen: false,
      allowScreenSharing: false,
      allowVideoCapture: false,
      allowDownUploads: false,
      allowSwitchToApplications: false,
      allowVirtualMachine: false,
      enableRightMouse: false,
      newBrowserWindowByLinkPolicy: 0,
      URLFilterEnable: true,
      URLFilterEnableContentFilter: false,
    });
    expect(s.hashedQuitPassword).toBeUndefined();
  });

  it("let the URL filter open only the kiosk path of this origin", () => {
    expect(s.URLFilterRules).toEqual([
      { action: 1, active: true, expression: "https://ankao.example.gov.cn/kiosk", regex: false },
      { action: 1, active: true, expression: "https://ankao.example.gov.cn/kiosk/*", regex: false },
    ]);
  });

  it("with a quit password allow quitting only with it (SHA-256 hex), and the camera when asked", () => {
    const q = defaultSebSettings({ startURL: "https://a.example/kiosk", quitURL: "https://a.example/kiosk/seb-quit", quitPassword: "监考 1234", allowCamera: true });
    expect(q).toMatchObject({ allowQuit: true, showQuitButton: true, hashedQuitPassword: sha256Hex("监考 1234"), allowVideoCapture: true });
  });
});

describe("session settings", () => {
  it("are the defaults for the origin, overridden key by key by the stored JSON", () => {
    const r = sessionSebSettings({ origin: "http://127.0.0.1:3000/", sebSettings: '{"allowQuit":true,"startURL":"https://fixed.example/kiosk"}' });
    if (!r.ok) throw new Error(r.error);
    expect(r.settings.startURL).toBe("https://fixed.example/kiosk");
    expect(r.settings.quitURL).toBe("http://127.0.0.1:3000/kiosk/seb-quit");
    expect(r.settings.allowQuit).toBe(true);
    expect(r.configKey).toBe(configKey(r.settings));
    const plain = sessionSebSettings({ origin: "http://127.0.0.1:3000", sebSettings: "{}", requireCamera: false });
    expect(plain.ok && plain.configKey).toBe("07e21fe9f9cfc1461c5d76a330057c3b0136f455d75e3182d1661174d6fde413");
  });

  it("reject stored JSON SEB cannot use, with the field and the rule", () => {
    expect(parseSebSettings("{oops")).toMatchObject({ ok: false, error: expect.stringContaining("不是有效的 JSON") });
    expect(parseSebSettings("[1]")).toEqual({ ok: false, error: "sebSettings: 必须是 JSON 对象 (must be a JSON object)" });
    expect(parseSebSettings('{"URLFilterRules":[{"expression":null}]}')).toMatchObject({
      ok: false,
      error: expect.stringContaining("sebSettings.URLFilterRules[0].expression: 不支持的值 null"),
    });
    expect(parseSebSettings("")).toEqual({ ok: true, settings: {} });
    expect(sessionSebSettings({ origin: "http://h", sebSettings: '{"n":1e12}' })).toMatchObject({ ok: false, error: expect.stringContaining("sebSettings.n") });
  });

  it("keep a __proto__ key as a plain setting", () => {
    const r = parseSebSettings('{"__proto__":{"x":1},"a":1}');
    if (!r.ok) throw new Error(r.error);
    expect(sebJson(r.settings)).toBe('{"__proto__":{"x":1},"a":1}'); // "_" sorts before letters
  });
});

describe(".seb file", () => {
  it("is 'plnd' + gzip(XML plist) of exactly the settings the Config Key was computed from", () => {
    const settings = defaultSebSettings({ startURL: "http://127.0.0.1:3000/kiosk", quitURL: "http://127.0.0.1:3000/kiosk/seb-quit", quitPassword: "pw" });
    const file = sebFile(settings);
    const parsed = readSeb(file.bytes);
    expect(parsed).toEqual(normalizeSebSettings(settings));
    expect(configKey(parsed)).toBe(file.configKey);
    expect(file.configKey).toBe(configKey(settings));
  });

  it("escapes XML and round-trips every value type", () => {
    const settings: SebDict = {
      text: `<b> & "q" 'a' ]]> 考试 ws:\\x`,
      "k&<y>": "key escaped",
      empty: "",
      n: -7,
      r: 0.25,
      yes: true,
      no: false,
      list: [],
      nested: [{ z: 1, A: [true, "x"] }],
      salt: new Uint8Array([0, 1, 2, 250, 255]),
      when: new Date("2025-03-01T08:30:00Z"),
      gone: {},
      originatorVersion: "SEB_X",
    };
    const file = sebFile(settings);
    const parsed = readSeb(file.bytes);
    expect(parsed).toEqual(normalizeSebSettings(settings));
    expect(parsed.gone).toBeUndefined();
    expect(configKey(parsed)).toBe(file.configKey);
    const xml = plistXml(settings);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain("<string>&lt;b&gt; &amp; &quot;q&quot; 'a' ]]&gt; 考试 ws:\\x</string>");
    expect(xml).toContain("<key>k&amp;&lt;y&gt;</key>");
    expect(xml).toContain("<true/>");
    expect(xml).toContain("<integer>-7</integer>");
    expect(xml).toContain("<real>0.25</real>");
    expect(xml).toContain("<array/>");
    expect(xml).toContain("<data>AAEC+v8=</data>");
    expect(xml).toContain("<date>2025-03-01T08:30:00Z</date>");
  });

  it("refuses settings it could not write faithfully", () => {
    expect(() => sebFile({ s: "tab\there" })).toThrow("sebSettings.s: 不允许控制字符 U+0009");
  });
});

// ---------------------------------------------------------------------------------------------
describe("sebGate (kiosk)", () => {
  const session = { id: "sess1", requireSeb: true, sebSettings: "{}", requireCamera: false };
  const keyFor = (origin: string) => {
    const r = sessionSebSettings({ origin, sebSettings: "{}", requireCamera: false });
    if (!r.ok) throw new Error(r.error);
    return r.configKey;
  };
  const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers: { Host: new URL(url).host, ...headers } });

  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it("lets everything through when the session does not require SEB", () => {
    expect(sebGate(req("http://10.0.0.5:3000/kiosk"), { ...session, requireSeb: false })).toEqual({ ok: true, via: "not-required" });
  });

  it("accepts the header computed the way the SEB client does, over the URL with its query", () => {
    const url = "http://10.0.0.5:3000/kiosk/attempt?q=12&x=%E8%80%83";
    const key = keyFor("http://10.0.0.5:3000");
    const ok = sebGate(req(url, { "X-SafeExamBrowser-ConfigKeyHash": sha256Hex(url + key) }), session);
    expect(ok).toEqual({ ok: true, via: "header", configKey: key });
    const other = sebGate(req(url, { "X-SafeExamBrowser-ConfigKeyHash": sha256Hex("http://10.0.0.5:3000/kiosk" + key) }), session);
    expect(other).toMatchObject({ ok: false, reason: "mismatch" });
    expect(sebGate(req(url), session)).toMatchObject({ ok: false, reason: "missing" });
  });

  it("uses the path as received when the load context carries it (Remix strips _data from loaders)", () => {
    const seen = "http://10.0.0.5:3000/kiosk?_data=routes%2Fkiosk";
    const key = keyFor("http://10.0.0.5:3000");
    const stripped = req("http://10.0.0.5:3000/kiosk", { "X-SafeExamBrowser-ConfigKeyHash": sha256Hex(seen + key) });
    expect(sebGate(stripped, session)).toMatchObject({ ok: false, reason: "mismatch" });
    expect(sebGate(stripped, session, { originalUrl: "/kiosk?_data=routes%2Fkiosk" })).toMatchObject({ ok: true, via: "header" });
  });

  it("believes X-Forwarded-Proto/Host only with TRUST_PROXY=1", () => {
    const proxied = (h: Record<string, string>) =>
      new Request("http://127.0.0.1:3000/kiosk", { headers: { Host: "127.0.0.1:3000", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "ankao.example.gov.cn", ...h } });
    const publicKey = keyFor("https://ankao.example.gov.cn");
    const header = { "X-SafeExamBrowser-ConfigKeyHash": sha256Hex("https://ankao.example.gov.cn/kiosk" + publicKey) };
    expect(clientUrl(proxied({}))).toBe("http://127.0.0.1:3000/kiosk");
    expect(sebGate(proxied(header), session)).toMatchObject({ ok: false, reason: "mismatch" });
    process.env.TRUST_PROXY = "1";
    expect(clientUrl(proxied({}))).toBe("https://ankao.example.gov.cn/kiosk");
    expect(sebGate(proxied(header), session)).toMatchObject({ ok: true, via: "header" });
  });

  it("reports a session whose stored settings are unusable instead of crashing", () => {
    expect(sebGate(req("http://h/kiosk"), { ...session, sebSettings: "{bad" })).toMatchObject({ ok: false, reason: "config" });
  });

  it("accepts the JS API value once verified for this kiosk's page, then the proof cookie", () => {
    const origin = "http://10.0.0.5:3000";
    const key = keyFor(origin);
    const kiosk = { Cookie: "ankao_kiosk=kioskAAAAAAAAAAAAAAAA" };
    const page = `${origin}/kiosk#signin`;
    const post = (body: { configKeyHash: string; pageUrl: string }, headers = kiosk) => verifySebJsApi(req(`${origin}/kiosk/seb`, headers), session, body);

    expect(post({ configKeyHash: expectedHeader(page, key), pageUrl: "https://evil.example/kiosk" })).toMatchObject({ ok: false, reason: "bad-page" });
    expect(post({ configKeyHash: expectedHeader(`${origin}/admin`, key), pageUrl: `${origin}/admin` })).toMatchObject({ ok: false, reason: "bad-page" });
    expect(post({ configKeyHash: "0".repeat(64), pageUrl: page })).toMatchObject({ ok: false, reason: "mismatch" });
    expect(post({ configKeyHash: "x", pageUrl: "not a url" })).toMatchObject({ ok: false, reason: "bad-page" });

    const ok = post({ configKeyHash: expectedHeader(page, key), pageUrl: page });
    if (!ok.ok || !ok.setCookie) throw new Error("expected a proof cookie");
    expect(ok.setCookie).toMatch(new RegExp(`^${SEB_COOKIE}=sess1\\.[A-Za-z0-9_-]+; Path=/kiosk; HttpOnly; SameSite=Strict$`));
    const proof = ok.setCookie.split(";")[0];

    const later = (cookie: string) => sebGate(req(`${origin}/kiosk/attempt`, { Cookie: cookie }), session);
    expect(later(`${kiosk.Cookie}; ${proof}`)).toMatchObject({ ok: true, via: "cookie" });
    // Bound to the kiosk, the session and its Config Key.
    expect(later(`ankao_kiosk=kioskBBBBBBBBBBBBBBBB; ${proof}`)).toMatchObject({ ok: false, reason: "missing" });
    expect(sebGate(req(`${origin}/kiosk/attempt`, { Cookie: `${kiosk.Cookie}; ${proof}` }), { ...session, id: "sess2" })).toMatchObject({ ok: false });
    expect(sebGate(req(`${origin}/kiosk/attempt`, { Cookie: `${kiosk.Cookie}; ${proof}` }), { ...session, sebSettings: '{"allowQuit":true}' })).toMatchObject({ ok: false });
  });
});
