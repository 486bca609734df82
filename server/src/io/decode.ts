/**
 * Turns file bytes into plan text, saying what was done: UTF-8 (with or without BOM), UTF-16
 * (by BOM, or by the zero bytes of Chinese-free text), GBK when the bytes are not UTF-8, and a
 * refusal for binary files. The BOM is dropped, as editors do, so positions match the editor's.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | { readonly ok: false; readonly reason: 'binary' };

export function decodePlanBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const sample = bytes.subarray(0, 8192);
  let zeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      zeros++;
      if (i % 2 === 0) evenZeros++;
    }
  }
  if (zeros > 0) {
    // UTF-16 without BOM: zero bytes sit regularly on one side of ASCII characters.
    const half = sample.length / 2;
    if (zeros >= half * 0.3 && (evenZeros === 0 || evenZeros === zeros)) {
      const enc = evenZeros === 0 ? 'utf-16le' : 'utf-16be';
      const text = new TextDecoder(enc).decode(bytes);
      // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
      if (!/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return { ok: true, text, encoding: enc };
    }
    return { ok: false, reason: 'binary' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('gbk').decode(bytes);
    // Control characters or replacement characters mean this was not text in GBK either.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
    const bad = (text.match(/[\ufffd\u0000-\u0008\u000e-\u001a]/g) ?? []).length;
    if (bad > Math.max(2, text.length / 100)) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding: 'gbk' };
  }
}
