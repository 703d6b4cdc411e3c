// Public: the certificate-signing public keys, so a certificate's signature can be checked offline.
import { json } from "@remix-run/node";
import { signingKeysDocument } from "~/services/certificates.server";

export async function loader() {
  return json(signingKeysDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
