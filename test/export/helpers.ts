/** Shared by the export tests: export the examples, unzip, read bookmarks and text out of the XML. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseConfig } from '../../server/src/core/config';
import { exportToDocx, preparePlan, type ExportOptions } from '../../server/src/export/docx';
import { planFiles } from '../util/expectations';

export const caseload = join(__dirname, '../../examples/caseload');
export const caseloadConfig = parseConfig(readFileSync(join(caseload, '.ehcprc.yaml'), 'utf8')).config;
export const exampleFiles = (): string[] => planFiles(caseload);

export function prepared(file: string) {
  const text = readFileSync(file, 'utf8');
  const p = preparePlan(text, file.slice(caseload.length + 1), caseloadConfig);
  if (!p.ok) throw new Error(p.reason);
  return p;
}

/** Exports an example (forced when it has errors, as --force does). */
export async function exportExample(file: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const p = prepared(file);
  return exportToDocx(p.source, { unresolvedIssues: p.errors.length, glossary: p.glossary, ...options });
}

export function unzip(bytes: Uint8Array | Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

export function rezip(parts: Record<string, string>, changes: Record<string, (xml: string) => string>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) out[name] = strToU8(changes[name] ? changes[name]!(xml) : xml);
  return zipSync(out);
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of an XML fragment: w:t contents, w:br as a line break. */
export function textOfXml(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\s*\/>|<w:tab\s*\/>/g)) {
    if (m[0].startsWith('<w:br')) out += '\n';
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else out += decode(m[1]!);
  }
  return out;
}

/** Bookmark name → the text between its start and its end, in document order. */
export function bookmarks(documentXml: string): Map<string, { text: string; offset: number }> {
  const out = new Map<string, { text: string; offset: number }>();
  for (const m of documentXml.matchAll(/<w:bookmarkStart\b([^>]*)\/>/g)) {
    const name = /w:name="([^"]*)"/.exec(m[1]!)?.[1];
    const id = /w:id="([^"]*)"/.exec(m[1]!)?.[1];
    if (!name || id === undefined) continue;
    const end = documentXml.indexOf(`<w:bookmarkEnd w:id="${id}"/>`, m.index);
    out.set(decode(name), { text: textOfXml(documentXml.slice(m.index, end === -1 ? undefined : end)), offset: m.index! });
  }
  return out;
}

/** Whitespace-insensitive form of a text, for comparing plan prose with document text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
