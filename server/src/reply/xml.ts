/**
 * A small namespaced element tree over saxes, for the parts of a returned Word file. No DTDs and
 * no external entities are read (saxes has none), so an entity bomb cannot expand.
 */
import { SaxesParser } from 'saxes';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  cp: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  coreProps: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
} as const;

export class El {
  readonly children: El[] = [];
  /** Character data directly inside this element. */
  text = '';
  constructor(
    readonly uri: string,
    readonly local: string,
    private readonly attrs: Map<string, string>,
    readonly parent: El | undefined,
  ) {}

  /** A namespaced attribute (`w:val` is `attr(NS.w, 'val')`); an unprefixed one has uri ''. */
  attr(uri: string, local: string): string | undefined {
    return this.attrs.get(`${uri} ${local}`);
  }

  is(uri: string, local: string): boolean {
    return this.uri === uri && this.local === local;
  }

  child(uri: string, local: string): El | undefined {
    return this.children.find((c) => c.is(uri, local));
  }

  /** Every descendant element, depth first, in document order. */
  *descendants(): Generator<El> {
    for (const c of this.children) {
      yield c;
      yield* c.descendants();
    }
  }
}

/** Thrown when a part is not well-formed XML. */
export class XmlError extends Error {}

/** Deeper nesting than this is refused: Word writes a few dozen levels at most, and the walk is recursive. */
export const MAX_DEPTH = 2000;

/** Parses XML into an element tree rooted at a `#document` element. Throws XmlError when it is not well-formed or nested too deeply. */
export function parseXml(text: string): El {
  const root = new El('', '#document', new Map(), undefined);
  let current = root;
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failed = false;
  let depth = 0;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attrs.set(`${a.uri} ${a.local}`, a.value);
    if (++depth > MAX_DEPTH) throw new XmlError('nested too deeply'); // stops the parser at once
    const el = new El(tag.uri ?? '', tag.local ?? tag.name, attrs, current);
    current.children.push(el);
    current = el;
  });
  parser.on('closetag', () => {
    depth--;
    current = current.parent ?? root;
  });
  parser.on('text', (t) => {
    current.text += t;
  });
  try {
    parser.write(text).close();
  } catch {
    failed = true;
  }
  if (failed) throw new XmlError('not well-formed XML');
  return root;
}
