/**
 * Just enough of an XML reader for tshark's PDML output (`tshark -T pdml`): elements with
 * attributes, nested; no text content, comments or CDATA are needed. Attribute values are
 * unescaped (the five predefined entities and numeric character references).
 */
export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
const ATTR = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

function unescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

export function parseXml(text: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  for (const m of text.matchAll(TAG)) {
    if (m[2] === undefined) continue; // declaration or comment
    const top = stack[stack.length - 1]!;
    if (m[1] === '/') {
      if (top.tag !== m[2]) throw new Error(`PDML: </${m[2]}> closes <${top.tag}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!] = unescape(a[2]!);
    const node: XmlNode = { tag: m[2], attrs, children: [] };
    top.children.push(node);
    if (m[4] !== '/') stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`PDML: ${stack.length - 1} unclosed elements`);
  return root;
}

/** Every descendant (depth first, document order). */
export function* descendants(n: XmlNode): Generator<XmlNode> {
  for (const c of n.children) {
    yield c;
    yield* descendants(c);
  }
}
