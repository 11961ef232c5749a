/**
 * The export's contract with whatever reads the Word file back (the family's reply, issue 11):
 * bookmark names, custom property names and how an item's id is shown. docs/export.md describes
 * it; keep it stable. Pure: no docx, no IO.
 */
import { createHash } from 'node:crypto';

/** The version of this contract and of the document layout, written to `ehcp_exporter_version`. */
export const EXPORTER_VERSION = '1';

/** Custom document properties (docProps/custom.xml), all text values. */
export const PROPERTY = {
  /** The plan's path as given to the exporter (relative to the caseload or workspace when known), with `/` separators. */
  planPath: 'ehcp_plan_path',
  /** `sha256:` + hex SHA-256 of the plan's text exactly as exported (UTF-8, before any edits). */
  planHash: 'ehcp_plan_hash',
  /** EXPORTER_VERSION. */
  exporterVersion: 'ehcp_exporter_version',
  /** The product version that wrote the file (package.json). */
  productVersion: 'ehcp_product_version',
  /** The export date and time, ISO 8601 in UTC. */
  exportDate: 'ehcp_export_date',
  /** The child's known-as name, so a returned file can be matched to the right plan by eye. */
  knownAs: 'ehcp_known_as',
  /** `true` when the document was exported with unresolved error-severity findings (forced). */
  unresolvedIssues: 'ehcp_unresolved_issues',
} as const;

/** The longest bookmark name Word keeps. */
export const MAX_BOOKMARK_LENGTH = 40;
const PREFIX = 'ehcp_';

/** What an item's bookmark is named after: its section (B, C, D, E, F, G, H1, H2) and id. */
export type BookmarkSection = 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H1' | 'H2';

/**
 * The bookmark name for an item: `ehcp_<section>_<id>`, for example `ehcp_F_P3`, `ehcp_E_O1`,
 * `ehcp_H1_P12`. Ids may hold dots and dashes, which bookmarks may not: when the id is not made only
 * of letters, digits and underscores, or the name would be longer than 40 characters, the name is
 * `ehcp_<section>_<safe part>_<8 hex digits>` where the safe part is the id with every other
 * character turned into `_`, cut so that the whole name is at most 40 characters, and the hex digits
 * are the start of the SHA-256 of the id. Two different ids therefore never share a bookmark,
 * and the same id always gets the same name.
 */
export function bookmarkName(section: BookmarkSection, id: string): string {
  const head = `${PREFIX}${section}_`;
  if (/^[A-Za-z0-9_]+$/.test(id) && head.length + id.length <= MAX_BOOKMARK_LENGTH) return head + id;
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8);
  const room = MAX_BOOKMARK_LENGTH - head.length - 1 - hash.length;
  const safe = id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, room);
  return `${head}${safe}_${hash}`;
}

/** Bookmarks for the sections themselves (targets of the contents list): `ehcp_sec_A` … `ehcp_sec_K`, `ehcp_sec_glossary`. */
export function sectionBookmarkName(section: string): string {
  return `${PREFIX}sec_${section.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The label shown before an item's text, inside its bookmark: the id and a colon, in bold (`P3: `). */
export function itemLabel(id: string): string {
  return `${id}: `;
}

/** `sha256:<hex>` of the plan text: the value of `ehcp_plan_hash`. */
export function planHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
