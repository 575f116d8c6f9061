/**
 * UTF-8 and standard base64 (RFC 4648, padded), written out because the core has no
 * TextEncoder, atob or Buffer. Secrets store their values as base64 of bytes
 * (encoding/json's []byte), and kubectl and the kubelet read them back as bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate: Go writes U+FFFD
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Bytes as text, invalid sequences as U+FFFD (Go's string([]byte) printed by a terminal). */
export function utf8Text(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0) {
      s += '\ufffd';
      i++;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const x = bytes[i + k]!;
      if ((x & 0xc0) !== 0x80) ok = false;
      else c = (c << 6) | (x & 63);
    }
    if (!ok) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(c);
    i += need + 1;
  }
  return s;
}

export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!);
  }
  return out;
}

export function base64OfText(text: string): string {
  return base64Encode(utf8Bytes(text));
}

/**
 * Decodes standard padded base64 as Go's base64.StdEncoding.DecodeString does (encoding/json
 * reads a []byte field with it, ignoring \r and \n): the bytes, or the offset of the first
 * bad input byte, which Go reports as "illegal base64 data at input byte N".
 */
export function base64Decode(text: string): { ok: true; bytes: number[] } | { ok: false; at: number } {
  const bytes: number[] = [];
  let quad: number[] = [];
  let i = 0;
  let padFrom = -1;
  let quadStart = 0;
  const chars = [...text];
  for (; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\r' || ch === '\n') continue;
    if (ch === '=') {
      if (quad.length < 2) return { ok: false, at: i };
      padFrom = i;
      break;
    }
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return { ok: false, at: i };
    if (quad.length === 0) quadStart = i;
    quad.push(v);
    if (quad.length === 4) {
      const n = (quad[0]! << 18) | (quad[1]! << 12) | (quad[2]! << 6) | quad[3]!;
      bytes.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
      quad = [];
    }
  }
  if (padFrom >= 0) {
    const want = 4 - quad.length;
    let seen = 0;
    for (i = padFrom; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === '\r' || ch === '\n') continue;
      if (ch !== '=' || seen >= want) return { ok: false, at: i };
      seen++;
    }
    if (seen !== want) return { ok: false, at: chars.length };
  } else if (quad.length > 0) return { ok: false, at: quadStart }; // decodeQuantum: CorruptInputError(si - j)
  if (quad.length >= 2) {
    const n = (quad[0]! << 18) | (quad[1]! << 12) | ((quad[2] ?? 0) << 6);
    bytes.push((n >> 16) & 255);
    if (quad.length === 3) bytes.push((n >> 8) & 255);
  }
  return { ok: true, bytes };
}
