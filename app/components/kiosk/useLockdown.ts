// Lockdown in the browser: full screen, no copy/paste/context menu/selection/print/drag, and
// every loss of focus or visibility reported. The server decides what an event means.
import { useEffect, useState } from "react";

export type Report = (kind: string, detail?: string) => void;

export function useLockdown(active: boolean, report: Report) {
  const [fullscreen, setFullscreen] = useState(true);
  useEffect(() => {
    if (!active) return;
    const last = new Map<string, number>();
    const once = (kind: string, detail = "") => {
      const now = Date.now();
      if (now - (last.get(kind) ?? 0) < 2000) return; // one report per burst
      last.set(kind, now);
      report(kind, detail);
    };
    const block = (kind: string) => (e: Event) => {
      e.preventDefault();
      once(kind);
    };
    const handlers: Array<[EventTarget, string, EventListener]> = [
      [document, "copy", block("COPY")],
      [document, "cut", block("CUT")],
      [document, "paste", block("PASTE")],
      [document, "contextmenu", block("CONTEXT_MENU")],
      [document, "dragstart", block("DRAG")],
      [document, "selectstart", (e) => e.preventDefault()],
      [window, "beforeprint", () => once("PRINT")],
      [window, "blur", () => once("BLUR")],
      [document, "visibilitychange", () => document.visibilityState === "hidden" && once("HIDDEN")],
      [
        document,
        "keydown",
        ((e: KeyboardEvent) => {
          const k = e.key.toLowerCase();
          if ((e.ctrlKey || e.metaKey) && ["p", "c", "x", "v", "a", "s", "u"].includes(k)) {
            e.preventDefault();
            once(k === "p" ? "PRINT" : k === "v" ? "PASTE" : k === "x" ? "CUT" : "COPY", `Ctrl+${k.toUpperCase()}`);
          }
          if (k === "f12" || ((e.ctrlKey || e.metaKey) && e.shiftKey && ["i", "j", "c"].includes(k))) {
            e.preventDefault();
            once("DEVTOOLS");
          }
        }) as EventListener,
      ],
      [
        document,
        "fullscreenchange",
        () => {
          const fs = !!document.fullscreenElement;
          setFullscreen(fs);
          if (!fs) once("FULLSCREEN_EXIT");
        },
      ],
    ];
    for (const [t, ev, fn] of handlers) t.addEventListener(ev, fn);
    setFullscreen(!!document.fullscreenElement);
    return () => {
      for (const [t, ev, fn] of handlers) t.removeEventListener(ev, fn);
    };
  }, [active, report]);
  const enter = async () => {
    try {
      await document.documentElement.requestFullscreen();
      setFullscreen(true);
    } catch {
      setFullscreen(!!document.fullscreenElement);
    }
  };
  return { fullscreen, enterFullscreen: enter };
}
