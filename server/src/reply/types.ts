/** The family's reply as plain data: what a returned Word draft holds, tied to plan items. */

/** An item of the plan as named in the document: its section (B … H2) and id. */
export interface ItemRef {
  section: string;
  id: string;
  /** The bookmark the item was found by (`ehcp_F_P3`). */
  bookmark: string;
}

/** How an entry was tied to its item (see the issue): inside its bookmark, in the paragraph where it starts, or not at all. */
export type Tie = 'enclosed' | 'paragraph' | 'none';

/** Who the working-document key says a run is from. */
export type Party = 'parents' | 'authority' | 'agreed' | 'unknown';

export interface ReplyEntryBase {
  /** 1-based, in document order; stable for the same file. */
  n: number;
  /** A fingerprint of what the entry says and who said it: the same entry in a re-saved file keeps it. */
  key: string;
  author: string;
  /** ISO 8601 as the document gives it, when it gives one. */
  date?: string;
  item?: ItemRef;
  tie: Tie;
  /** For an entry not tied to an item: the nearest item before it in the document. */
  hint?: ItemRef;
}

export interface CommentEntry extends ReplyEntryBase {
  kind: 'comment';
  text: string;
  /** The words the comment was made on, when it was made on a range. */
  anchor?: string;
  /** The entry number of the comment this one answers (Word's reply threads). */
  replyTo?: number;
  /** Word's "resolved" mark. */
  done?: boolean;
}

export interface ChangeEntry extends ReplyEntryBase {
  kind: 'change';
  /**
   * `tracked`: Word's or LibreOffice's track changes; `moved`: a tracked move; `key`: the
   * working-document formatting key (bold additions, bold strikethrough deletions);
   * `untracked`: the text differs from the plan and nothing marks it (found by comparing with the plan).
   */
  how: 'tracked' | 'moved' | 'key' | 'untracked';
  deleted: string;
  inserted: string;
  party?: Party;
}

/** Text marked by the key as the authority's (italic) or as agreed (underline): information, no change. */
export interface MarkedEntry extends ReplyEntryBase {
  kind: 'marked';
  party: 'authority' | 'agreed';
  text: string;
}

export type ReplyEntry = CommentEntry | ChangeEntry | MarkedEntry;

/** A piece of an item's text: unchanged, or added or removed by the change numbered `change`. */
export interface Segment {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
  change?: number;
}

/** One plan item as found in the returned document. */
export interface ReplyItem extends ItemRef {
  segments: Segment[];
  /** The text as exported (deletions kept, additions left out), with the id label removed. */
  original: string;
  /** The text with every change applied. */
  proposed: string;
}

export interface ReplyProperties {
  planPath?: string;
  planHash?: string;
  knownAs?: string;
  exporterVersion?: string;
  exportDate?: string;
  /** From docProps/core.xml. */
  title?: string;
  lastModifiedBy?: string;
  modified?: string;
}

/** Something in the document the reader saw but could not map, said once per kind. */
export interface Unmapped {
  what: string;
  count: number;
}

export interface ReplyDocument {
  properties: ReplyProperties;
  items: ReplyItem[];
  entries: ReplyEntry[];
  unmapped: Unmapped[];
}

/** The author shown when the document records none (LibreOffice without a user name). */
export const UNKNOWN_AUTHOR = 'Unknown author';
