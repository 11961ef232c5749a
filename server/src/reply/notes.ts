/**
 * The family's reply as notes on the plan in the editor: each comment on the item it was made
 * on, each proposed change with quick fixes to accept it (one edit replacing only the item's
 * text) or decline it (with a reason, kept in the reply log), conflicts as warnings. Pure: the
 * language server turns these findings into diagnostics and code actions.
 */
import type { ParsedPlan, Str } from '../core/parse';
import { spanToRange } from '../core/positions';
import type { Finding, Fix, FixCommand, Range, Severity } from '../core/types';
import { replaceText } from './edit';
import { byline, entryTitle } from './format';
import { DECIDE_COMMAND, RECORD_COMMAND, type Decision, type RecordArgs } from './commands';
import { describeEntry, type LoggedReply } from './log';
import type { ItemReview, ReplyReview } from './review';
import type { ReplyEntry } from './types';

export { DECIDE_COMMAND, RECORD_COMMAND, type RecordArgs } from './commands';

export const REPLY_RULES = {
  comment: 'reply-comment',
  change: 'reply-change',
  conflict: 'reply-conflict',
  untied: 'reply-untied',
  missing: 'reply-missing',
  otherChild: 'reply-other-child',
} as const;

export interface NotesContext {
  planUri: string;
  /** The returned file's name, for messages. */
  document: string;
  /** Decisions already in the reply log, by entry key. */
  decided: ReadonlyMap<string, LoggedReply>;
}

function quote(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export function replyFindings(review: ReplyReview, parsed: ParsedPlan, ctx: NotesContext): Finding[] {
  const out: Finding[] = [];
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(1, parsed.index.lineText(0).length) } };
  const strs = itemStrs(parsed);
  const entryByN = new Map(review.entries.map((e) => [e.n, e]));
  const record = (keys: string[], decision: Decision, item: string | undefined, title: string): FixCommand => ({ title, command: RECORD_COMMAND, arguments: [{ planUri: ctx.planUri, keys, decision, item } satisfies RecordArgs] });
  const decide = (keys: string[], decision: Decision, item: string | undefined, title: string): FixCommand => ({ title, command: DECIDE_COMMAND, arguments: [{ planUri: ctx.planUri, keys, decision, item } satisfies RecordArgs] });
  const push = (rule: string, severity: Severity, range: Range, message: string, fixes?: Fix[]) => out.push({ rule, severity, range, message, ...(fixes && fixes.length > 0 ? { fixes } : {}) });

  if (review.otherChild) {
    push(REPLY_RULES.otherChild, 'warning', top, `The family's reply (${ctx.document}) is about ${review.otherChild.document}, but this plan is about ${review.otherChild.plan}. Check that it is the right plan before accepting anything.`);
  }

  const reviews = new Map(review.items.map((i) => [`${i.section}\u0000${i.id}`, i]));
  const rangeFor = (section: string, id: string, needle?: string): Range => {
    const s = strs.get(`${section}\u0000${id}`);
    if (!s) return top;
    if (s.text) {
      if (needle && needle.trim() !== '') {
        const value = s.text.value;
        const at = value.indexOf(needle.trim());
        if (at !== -1 && value.indexOf(needle.trim(), at + 1) === -1) return spanToRange(parsed.index, s.text.node, { start: at, end: at + needle.trim().length });
      }
      return s.text.range;
    }
    return s.id?.range ?? top;
  };

  for (const e of review.entries) {
    const when = `${entryTitle(e)} from ${byline(e)}`;
    if (!e.item) {
      const hint = e.hint ? ` (in the document after ${e.hint.id})` : '';
      const range = e.hint ? rangeFor(e.hint.section, e.hint.id) : top;
      const done = ctx.decided.get(e.key);
      const what = e.kind === 'comment' ? `: ${quote(e.text, 400)}` : `: ${describeEntry(e)}`;
      push(REPLY_RULES.untied, 'information', range, `Not tied to an item${hint}. ${when}${what}.${done ? ` ${doneText(done)}` : ''}`, done ? [] : [{ title: 'Note the family\'s point in the reply log…', edits: [], command: decide([e.key], 'noted', e.hint?.id, 'Note in the reply log') }]);
      continue;
    }
    const item = reviews.get(`${e.item.section}\u0000${e.item.id}`);
    if (e.kind === 'comment' || e.kind === 'marked') {
      const done = ctx.decided.get(e.key);
      const on = e.kind === 'comment' && e.anchor ? ` on ${quote(e.anchor, 80)}` : '';
      const body = e.kind === 'comment' ? quote(e.text, 600) : quote(e.text);
      const needle = e.kind === 'comment' ? e.anchor : e.text;
      const fixes: Fix[] = done || e.kind === 'marked' ? [] : [{ title: "Answer the family's comment in the reply log…", edits: [], command: decide([e.key], 'noted', e.item.id, 'Answer in the reply log') }];
      push(REPLY_RULES.comment, 'information', rangeFor(e.item.section, e.item.id, needle), `${when}${on}: ${body}${done ? ` ${doneText(done)}` : ''}`, fixes);
      continue;
    }
    // Changes: shown while pending; conflicts are shown once per item below.
    if (!item || !item.pending.includes(e.n) || item.status === 'conflict' || item.status === 'differs' || item.status === 'not-in-plan') continue;
    const str = strs.get(`${e.item.section}\u0000${e.item.id}`)?.text;
    const fixes: Fix[] = [];
    const single = item.withChange.get(e.n);
    if (str && single !== undefined && item.status !== 'untracked') {
      fixes.push({ title: `Accept the family's change: ${describeEntry(e)}`, edits: [replaceText(parsed, str, single)], command: record([e.key], 'accepted', e.item.id, 'Record in the reply log') });
    }
    fixes.push({ title: "Decline the family's change…", edits: [], command: decide([e.key], 'declined', e.item.id, 'Decline') });
    addAllFixes(fixes, item, str, parsed, entryByN, ctx, record, decide);
    const extra = item.status === 'untracked' && e.how !== 'untracked' ? ' The document was also changed without track changes here, so only all the changes together can be accepted.' : '';
    push(REPLY_RULES.change, 'information', rangeFor(e.item.section, e.item.id, e.deleted || undefined), `${when}: ${describeEntry(e)}.${extra}`, fixes);
  }

  for (const item of review.items) {
    const str = strs.get(`${item.section}\u0000${item.id}`);
    if (item.status === 'conflict' || item.status === 'differs') {
      const pendingEntries = item.pending.map((n) => entryByN.get(n)).filter((x): x is ReplyEntry => !!x);
      const who = [...new Set(pendingEntries.map((x) => x.author))].join(', ') || 'the family';
      const family = item.reply?.proposed ?? '';
      const message =
        item.status === 'conflict'
          ? `${item.id} was changed in the plan after the export, and the family changed it too (${who}). Nothing has been merged: compare their wording with yours and decide. Their wording: ${quote(family, 600)}`
          : `${item.id} reads differently in the family's document, with no tracked change, and the plan has changed since the export, so who changed it cannot be told. Their document says: ${quote(family, 600)}`;
      const fixes: Fix[] = [];
      const keys = pendingEntries.map((x) => x.key);
      if (str?.text && family !== '' && keys.length > 0) {
        fixes.push({ title: `Use the family's wording for ${item.id} instead of yours`, edits: [replaceText(parsed, str.text, family)], command: record(keys, 'accepted', item.id, 'Record in the reply log') });
      }
      if (keys.length > 0) fixes.push({ title: `Decline the family's changes to ${item.id}…`, edits: [], command: decide(keys, 'declined', item.id, 'Decline') });
      if (keys.length > 0 || item.status === 'differs') push(REPLY_RULES.conflict, 'warning', str?.text?.range ?? str?.id?.range ?? top, message, fixes);
    } else if (item.status === 'missing' && review.reply.items.length > 0) {
      push(REPLY_RULES.missing, 'information', str?.id?.range ?? top, `${item.id} is not in the family's returned document: they may have deleted it, or it was added to the plan after the export.`);
    } else if (item.status === 'not-in-plan' && item.pending.length > 0) {
      const family = item.reply?.proposed ?? '';
      push(REPLY_RULES.missing, 'information', top, `The family changed ${item.id}, which is no longer in this plan. Their wording: ${quote(family, 400)}`);
    }
  }
  return out;
}

function addAllFixes(
  fixes: Fix[],
  item: ItemReview,
  str: Str | undefined,
  parsed: ParsedPlan,
  entryByN: Map<number, ReplyEntry>,
  _ctx: NotesContext,
  record: (keys: string[], decision: Decision, item: string | undefined, title: string) => FixCommand,
  decide: (keys: string[], decision: Decision, item: string | undefined, title: string) => FixCommand,
): void {
  if (item.pending.length < 2 && item.status !== 'untracked') return;
  const keys = item.pending.map((n) => entryByN.get(n)?.key).filter((k): k is string => !!k);
  if (str && item.proposed !== undefined) {
    const title = item.pending.length === 1 ? `Accept the family's wording for ${item.id}` : `Accept all ${item.pending.length} of the family's changes to ${item.id}`;
    fixes.push({ title, edits: [replaceText(parsed, str, item.proposed)], command: record(keys, 'accepted', item.id, 'Record in the reply log') });
  }
  if (item.pending.length > 1) fixes.push({ title: `Decline all the family's changes to ${item.id}…`, edits: [], command: decide(keys, 'declined', item.id, 'Decline') });
}

function doneText(d: LoggedReply): string {
  if (d.decision === 'noted') return d.reason ? `(Answered: ${quote(d.reason, 200)})` : '(Noted in the reply log.)';
  return `(${d.decision === 'accepted' ? 'Accepted' : 'Declined'}${d.reason ? `: ${quote(d.reason, 200)}` : ''}.)`;
}

/** Each need, outcome and provision item's id and text, by section and id (the first item with an id wins). */
function itemStrs(parsed: ParsedPlan): Map<string, { id?: Str; text?: Str }> {
  const out = new Map<string, { id?: Str; text?: Str }>();
  const add = (section: string, id: Str | undefined, text: Str | undefined) => {
    if (!id) return;
    const key = `${section}\u0000${id.value}`;
    if (!out.has(key)) out.set(key, { id, text });
  };
  for (const n of parsed.plan.needs) add(n.section?.value ?? 'B', n.id, n.text);
  for (const o of parsed.plan.outcomes) add('E', o.id, o.text);
  for (const p of parsed.plan.provision) add(p.section?.value ?? 'F', p.id, p.text);
  return out;
}
