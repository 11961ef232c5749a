/**
 * A small XML reader for the parts of a Word document: elements, attributes and text, nothing
 * else. It never expands entities beyond the five predefined ones and numeric references, and
 * refuses a DOCTYPE, so entity bombs and external entities cannot happen. Linear in the input.
 */
import { AdviceReadError } from './types';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The document element of an XML text. Throws AdviceReadError('corrupt') when it is not well formed enough to read. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      break;
    }
    if (lt > i && stack.length > 1) top.children.push(decode(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) throw bad();
      top.children.push(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) throw new AdviceReadError('corrupt', 'holds XML with a DOCTYPE, which Word never writes (refused for safety)');
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) throw bad();
    if (xml[lt + 1] === '/') {
      const name = xml.slice(lt + 2, gt).trim();
      // Pop to the matching element; a stray end tag is ignored.
      for (let s = stack.length - 1; s > 0; s--) {
        if (stack[s]!.name === name) {
          stack.length = s;
          break;
        }
      }
      i = gt + 1;
      continue;
    }
    let body = xml.slice(lt + 1, gt);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    const space = body.search(/\s/);
    const name = space === -1 ? body : body.slice(0, space);
    const attrs: Record<string, string> = {};
    if (space !== -1) {
      for (const m of body.slice(space).matchAll(ATTR)) attrs[m[1]!] = decode(m[3] ?? m[4] ?? '');
    }
    const el: XmlElement = { name, attrs, children: [] };
    top.children.push(el);
    if (!selfClosing) {
      if (stack.length > 512) throw new AdviceReadError('corrupt', 'nests its XML more deeply than any Word document (refused for safety)');
      stack.push(el);
    }
    i = gt + 1;
  }
  const doc = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!doc) throw bad();
  return doc;
}

function bad(): AdviceReadError {
  return new AdviceReadError('corrupt', 'is damaged: its text cannot be read');
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The `w:val` attribute of a child element, e.g. `val(pPr, 'w:pStyle')`. */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** An on/off property (`<w:vanish/>`, `<w:b w:val="0"/>`). */
export function isOn(el: XmlElement | undefined, name: string): boolean {
  const c = child(el, name);
  if (!c) return false;
  const v = c.attrs['w:val'];
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}
