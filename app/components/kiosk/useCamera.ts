// Camera snapshots at the kiosk: one at sign-in, then at the moments the server schedules.
// A missing or denied camera is reported as an integrity event; the proctor decides.
import { useEffect, useRef } from "react";

async function grab(video: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement("canvas");
  canvas.width = 320;
  canvas.height = 240;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((ok) => canvas.toBlob((b) => ok(b), "image/jpeg", 0.7));
}

export function useCamera(camera: { needSignIn: boolean; nextInMs: number | null } | null, report: (kind: string, detail?: string) => void, onTaken: () => void) {
  const stream = useRef<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const failed = useRef(false);

  const take = async (purpose: "SIGN_IN" | "RANDOM") => {
    try {
      if (!stream.current) {
        stream.current = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 }, audio: false });
        video.current = document.createElement("video");
        video.current.muted = true;
        video.current.srcObject = stream.current;
        await video.current.play();
        await new Promise((r) => setTimeout(r, 300));
      }
      const blob = await grab(video.current!);
      if (!blob) throw new Error("no frame");
      await fetch(`/kiosk/api/snapshot?purpose=${purpose}`, { method: "POST", headers: { "Content-Type": "image/jpeg" }, body: blob, credentials: "same-origin" });
      onTaken();
    } catch (e) {
      if (!failed.current) report("CAMERA_MISSING", (e as Error).name || "camera unavailable");
      failed.current = true;
    }
  };

  const needSignIn = camera?.needSignIn ?? false;
  const nextInMs = camera?.nextInMs ?? null;
  useEffect(() => {
    if (needSignIn) void take("SIGN_IN");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needSignIn]);
  useEffect(() => {
    if (nextInMs === null) return;
    const t = setTimeout(() => void take("RANDOM"), Math.max(0, nextInMs));
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nextInMs]);
  useEffect(() => () => stream.current?.getTracks().forEach((t) => t.stop()), []);
}
