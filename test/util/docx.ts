/**
 * Hand-made Word documents for the advice reader's tests: the XML parts written out exactly, so
 * each numbering case (shared abstract lists, startOverride, style numbering, lvlRestart) is
 * precisely what the test says. Zipped with fflate; Word and LibreOffice open them.
 */
import { zipSync, strToU8 } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface DocxParts {
  /** The inside of `<w:body>`. */
  body: string;
  /** The inside of `<w:numbering>`. */
  numbering?: string;
  /** The inside of `<w:styles>` (a Normal style is always added). */
  styles?: string;
  /** A header part's paragraphs (to show they are not read). */
  header?: string;
  footer?: string;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<w:p>` with an optional style and numbering. */
export function p(text: string, opts: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const numPr = opts.numId !== undefined ? `<w:numPr>${opts.ilvl !== undefined ? `<w:ilvl w:val="${opts.ilvl}"/>` : ''}<w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const pPr = style || numPr ? `<w:pPr>${style}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** A level of an abstract list. */
export function lvl(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/>${extra}<w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
}

export function abstractNum(id: number, levels: string): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
}

export function num(numId: number, abstractId: number, overrides = ''): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

export function startOverride(ilvl: number, start: number): string {
  return `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
}

export function table(rows: string[][], header = true): string {
  const tr = (cells: string[], isHeader: boolean) =>
    `<w:tr>${isHeader ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${c.startsWith('<w:p') ? c : p(c)}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r, i) => tr(r, header && i === 0)).join('')}</w:tbl>`;
}

export function headingStyle(id: string, name: string, outline: number, numPr = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:pPr>${numPr}<w:outlineLvl w:val="${outline}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`;
}

/** The bytes of a .docx with these parts. */
export function makeDocx(parts: DocxParts): Uint8Array {
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    parts.numbering !== undefined ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : '',
    parts.header ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : '',
    parts.footer ? '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' : '',
  ].join('');
  const sect = `<w:sectPr>${parts.header ? '<w:headerReference w:type="default" r:id="rId3"/>' : ''}${parts.footer ? '<w:footerReference w:type="default" r:id="rId4"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>${parts.numbering !== undefined ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ''}${parts.header ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}${parts.footer ? '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${parts.body}${sect}</w:body></w:document>`),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${parts.styles ?? ''}</w:styles>`,
    ),
  };
  if (parts.numbering !== undefined) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.header) files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}>${parts.header}</w:hdr>`);
  if (parts.footer) files['word/footer1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W}>${parts.footer}</w:ftr>`);
  return zipSync(files, { level: 6 });
}
