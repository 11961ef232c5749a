/**
 * The reply log, `<plan>.replies.yaml` beside the plan: every comment and change the family sent,
 * and what was decided (accepted, declined with a reason, or noted), so the caseworker can answer
 * the family point by point. Pure: text in, text out; edits keep the file's comments.
 */
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { ReplyEntry } from './types';

export type { Decision } from './commands';
import type { Decision } from './commands';

export interface LoggedReply {
  /** The entry's fingerprint (ReplyEntry.key). */
  key: string;
  item?: string;
  kind: ReplyEntry['kind'];
  author: string;
  date?: string;
  /** What the family wrote or proposed, in a line. */
  said: string;
  decision: Decision;
  reason?: string;
  /** When it was decided (YYYY-MM-DD). */
  decided: string;
  /** The returned document's file name. */
  document?: string;
}

/** The log's file name for a plan file name: `ada.ehcp.yaml` → `ada.ehcp.replies.yaml`. */
export function replyLogName(planFile: string): string {
  return planFile.replace(/\.ya?ml$/i, '') + '.replies.yaml';
}

export class ReplyLogError extends Error {}

const HEADER = `# The family's reply to the draft plan and what was decided on each point.
# Written by EHCP Plan Writer ("EHCP: Import the family's reply…"); you may add notes in comments.
`;

/** The decisions in a log's text. Throws ReplyLogError (one line) when the file is not a reply log. */
export function readReplyLog(text: string | undefined): LoggedReply[] {
  if (text === undefined || text.trim() === '') return [];
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0) throw new ReplyLogError('the reply log is not valid YAML: fix or remove it');
  const replies = doc.get('replies');
  if (replies === undefined || replies === null) return [];
  if (!isSeq(replies)) throw new ReplyLogError('the reply log has no list of replies: fix or remove it');
  const out: LoggedReply[] = [];
  for (const node of replies.items) {
    if (!isMap(node)) continue;
    let js: Record<string, unknown>;
    try {
      js = node.toJSON() as Record<string, unknown>;
    } catch {
      throw new ReplyLogError('the reply log could not be read (it uses YAML aliases): fix or remove it');
    }
    if (typeof js.key !== 'string' || !['accepted', 'declined', 'noted'].includes(String(js.decision))) continue;
    out.push({
      key: js.key,
      item: typeof js.item === 'string' ? js.item : undefined,
      kind: (['comment', 'change', 'marked'].includes(String(js.kind)) ? js.kind : 'change') as ReplyEntry['kind'],
      author: String(js.author ?? ''),
      date: typeof js.date === 'string' ? js.date : undefined,
      said: String(js.said ?? ''),
      decision: js.decision as Decision,
      reason: typeof js.reason === 'string' ? js.reason : undefined,
      decided: String(js.decided ?? ''),
      document: typeof js.document === 'string' ? js.document : undefined,
    });
  }
  return out;
}

/** Keys of the entries the log says were declined. */
export function declinedKeys(log: readonly LoggedReply[]): Set<string> {
  return new Set(log.filter((l) => l.decision === 'declined').map((l) => l.key));
}

/** One line saying what an entry said or proposed. */
export function describeEntry(entry: ReplyEntry): string {
  if (entry.kind === 'comment') return oneLine(entry.text);
  if (entry.kind === 'marked') return `${entry.party === 'agreed' ? 'Marked as agreed' : "Marked as the authority's"}: "${oneLine(entry.text)}"`;
  const del = oneLine(entry.deleted);
  const ins = oneLine(entry.inserted);
  if (del && ins) return `Replace "${del}" with "${ins}"`;
  if (ins) return `Add "${ins}"`;
  return `Remove "${del}"`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The log's text with a decision recorded (replacing an earlier decision on the same entry). */
export function recordDecision(text: string | undefined, planFile: string, entry: LoggedReply): string {
  const doc = parseDocument(text && text.trim() !== '' ? text : `${HEADER}plan: ${JSON.stringify(planFile)}\nreplies: []\n`, { prettyErrors: false, logLevel: 'silent' });
  if (doc.errors.length > 0) throw new ReplyLogError('the reply log is not valid YAML: fix or remove it');
  let replies = doc.get('replies');
  if (replies === undefined || replies === null) {
    replies = new YAMLSeq();
    doc.set('replies', replies);
  }
  if (!isSeq(replies)) throw new ReplyLogError('the reply log has no list of replies: fix or remove it');
  const seq = replies as YAMLSeq;
  seq.flow = false;
  const fields: [string, string | undefined][] = [
    ['key', entry.key],
    ['item', entry.item],
    ['kind', entry.kind],
    ['author', entry.author],
    ['date', entry.date],
    ['said', entry.said],
    ['decision', entry.decision],
    ['reason', entry.reason],
    ['decided', entry.decided],
    ['document', entry.document],
  ];
  const map = new YAMLMap();
  for (const [k, v] of fields) if (v !== undefined && v !== '') map.set(k, v);
  const at = seq.items.findIndex((n) => isMap(n) && n.get('key') === entry.key);
  if (at === -1) seq.items.push(map);
  else seq.items[at] = map;
  return doc.toString({ lineWidth: 0 });
}
