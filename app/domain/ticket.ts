// Admission ticket codes (准考证号后的校验码): short, unambiguous, typed by older candidates at
// a kiosk. 8 characters from 30 (no 0/O, 1/I/L, U/V): ~39 bits, and rate-limited at sign-in.
export const TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

/** `random` yields uniform integers in [0, n). */
export function ticketCode(random: (n: number) => number, length = 8): string {
  let s = "";
  for (let i = 0; i < length; i++) s += TICKET_ALPHABET[random(TICKET_ALPHABET.length)];
  return s;
}

export function normaliseTicket(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}
