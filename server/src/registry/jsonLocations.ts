/**
 * A small JSON parser that remembers where every value stands, so a broken registry file can be
 * reported with file, line and column — for syntax errors and for values of the wrong shape.
 */
export type JsonNode =
  | { kind: 'object'; offset: number; entries: { key: string; keyOffset: number; value: JsonNode }[] }
  | { kind: 'array'; offset: number; items: JsonNode[] }
  | { kind: 'string'; offset: number; value: string }
  | { kind: 'number'; offset: number; value: number }
  | { kind: 'boolean'; offset: number; value: boolean }
  | { kind: 'null'; offset: number };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJsonWithLocations(text: string): JsonNode {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r' || text[i] === '\ufeff')) i++;
  };
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= n ? `unexpected end of file, expected ${what}` : `unexpected ${JSON.stringify(text[i])}, expected ${what}`, i);
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (i < n) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in map) {
          out += map[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('a valid escape');
        continue;
      }
      if (ch === '\n' || ch === '\r') break;
      out += ch;
      i++;
    }
    i = start;
    return fail('a closing quote');
  };
  let depth = 0;
  // Recursive descent with a depth limit, so hostile nesting is a located error, not a stack overflow.
  const value = (): JsonNode => {
    ws();
    const offset = i;
    if (depth > 256) throw new JsonSyntaxError('nesting deeper than 256 levels', i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      depth++;
      const node: JsonNode = { kind: 'object', offset, entries: [] };
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return node;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        const keyOffset = i;
        const key = str();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        node.entries.push({ key, keyOffset, value: value() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          depth--;
          return node;
        }
        fail('"," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      depth++;
      const node: JsonNode = { kind: 'array', offset, items: [] };
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
        return node;
      }
      for (;;) {
        node.items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          depth--;
          return node;
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') return { kind: 'string', offset, value: str() };
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (m) {
      i += m[0].length;
      return { kind: 'number', offset, value: Number(m[0]) };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', offset, value: true }],
      ['false', { kind: 'boolean', offset, value: false }],
      ['null', { kind: 'null', offset }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node as JsonNode;
      }
    }
    return fail('a value');
  };
  const root = value();
  ws();
  if (i < n) fail('end of file');
  return root;
}
