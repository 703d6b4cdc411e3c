/** A file download response with a UTF-8 (Chinese) file name. */
export function download(body: string | Buffer | Uint8Array, filename: string, type: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
