/** The family's reply as text, Markdown or JSON for `ehcp reply`. Pure. */
import { describeEntry } from './log';
import type { ItemReview, ItemStatus, ReplyReview } from './review';
import type { ItemRef, ReplyDocument, ReplyEntry } from './types';

export type ReplyFormat = 'text' | 'markdown' | 'json';

export interface ReplyReport {
  /** The returned file as the user named it. */
  file: string;
  /** The plan it was compared with, as shown to the user; undefined when none was found or given. */
  plan?: string;
  reply: ReplyDocument;
  review?: ReplyReview;
}

const STATUS: Record<ItemStatus, string> = {
  unchanged: 'no changes',
  pending: 'changes to decide',
  'partly-accepted': 'some changes already in the plan',
  done: 'every change is in the plan or decided',
  conflict: 'CONFLICT: the plan changed since the export and the family changed this item too; compare before accepting',
  untracked: 'changed without track changes',
  differs: 'the wording differs and nothing marks who changed it (the plan has changed since the export too); compare them',
  missing: 'not in the returned document (the family may have deleted it, or it was added after the export)',
  'not-in-plan': 'in the returned document but no longer in the plan',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-02T09:30:00Z` → `2 December 2026, 09:30`; other text as it is. */
export function formatWhen(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m || !MONTHS[Number(m[2]) - 1]) return iso;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] && !(m[4] === '00' && m[5] === '00') ? `${day}, ${m[4]}:${m[5]}` : day;
}

function label(ref: ItemRef | undefined): string {
  return ref ? ref.id : '';
}

/** Who and when, for one entry: `Jo Brown, 2 December 2026, 09:30`. */
export function byline(e: ReplyEntry): string {
  const when = formatWhen(e.date);
  return when ? `${e.author}, ${when}` : e.author;
}

/** What an entry is, in a few words. */
export function entryTitle(e: ReplyEntry): string {
  if (e.kind === 'comment') return e.replyTo ? `Reply to #${e.replyTo}` : 'Comment';
  if (e.kind === 'marked') return e.party === 'agreed' ? 'Marked as agreed' : "Marked as the authority's";
  if (e.how === 'untracked') return 'Changed without track changes';
  if (e.how === 'key') return e.party === 'authority' ? "The authority's change (working-document key)" : e.party === 'unknown' ? 'Struck through' : 'Change (working-document key)';
  return e.how === 'moved' ? 'Moved text' : 'Change';
}

function entryLine(e: ReplyEntry, plain: (s: string) => string): string {
  const on = e.kind === 'comment' && e.anchor ? ` on "${e.anchor}"` : '';
  const done = e.kind === 'comment' && e.done ? ' (marked as resolved)' : '';
  const body = e.kind === 'comment' ? `: ${e.text.replace(/\s*\n\s*/g, ' / ')}` : `: ${describeEntry(e)}`;
  return `#${e.n} ${entryTitle(e)} by ${byline(e)}${on}${done}${plain(body)}`;
}

interface Group {
  ref?: { section: string; id: string };
  review?: ItemReview;
  entries: ReplyEntry[];
}

function groups(report: ReplyReport): { tied: Group[]; untied: ReplyEntry[] } {
  const entries = report.review?.entries ?? report.reply.entries;
  const tied = new Map<string, Group>();
  const order: Group[] = [];
  const get = (section: string, id: string) => {
    const key = `${section}\u0000${id}`;
    let g = tied.get(key);
    if (!g) {
      g = { ref: { section, id }, entries: [], review: report.review?.items.find((i) => i.section === section && i.id === id) };
      tied.set(key, g);
      order.push(g);
    }
    return g;
  };
  // Items in plan order when there is a plan, else document order.
  for (const i of report.review?.items ?? []) if (i.status !== 'unchanged') get(i.section, i.id);
  const untied: ReplyEntry[] = [];
  for (const e of entries) {
    if (e.item) get(e.item.section, e.item.id).entries.push(e);
    else untied.push(e);
  }
  return { tied: order.filter((g) => g.entries.length > 0 || (g.review && g.review.status !== 'unchanged')), untied };
}

function summary(report: ReplyReport): string[] {
  const entries = report.review?.entries ?? report.reply.entries;
  const comments = entries.filter((e) => e.kind === 'comment').length;
  const changes = entries.filter((e) => e.kind === 'change').length;
  const marked = entries.filter((e) => e.kind === 'marked').length;
  const untied = entries.filter((e) => !e.item).length;
  const conflicts = report.review?.items.filter((i) => i.status === 'conflict').length ?? 0;
  const lines: string[] = [];
  const parts = [`${comments} ${comments === 1 ? 'comment' : 'comments'}`, `${changes} ${changes === 1 ? 'change' : 'changes'}`];
  if (marked) parts.push(`${marked} marked ${marked === 1 ? 'passage' : 'passages'}`);
  if (untied) parts.push(`${untied} not tied to an item`);
  if (conflicts) parts.push(`${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}`);
  lines.push(`The family's reply in ${report.file}${report.plan ? `, compared with ${report.plan}` : ''}: ${parts.join(', ')}.`);
  const r = report.review;
  if (!report.plan) lines.push('No plan was compared (give one with --plan): changes are shown as the document has them.');
  else if (r?.planUnchanged === true) lines.push('The plan has not changed since it was exported.');
  else if (r?.planUnchanged === false) lines.push('The plan has changed since it was exported: items changed on both sides are shown as conflicts.');
  if (r?.otherChild) lines.push(`WARNING: the document is about ${r.otherChild.document}, but the plan is about ${r.otherChild.plan}. Check that this is the right plan.`);
  return lines;
}

export function formatReply(report: ReplyReport, format: ReplyFormat): string {
  if (format === 'json') return `${JSON.stringify(toJson(report), null, 2)}\n`;
  const md = format === 'markdown';
  const { tied, untied } = groups(report);
  const out: string[] = [];
  const quote = (s: string) => (md ? s.replace(/([\\`*_[\]<>|])/g, '\\$1') : s);
  if (md) out.push('# The family\'s reply', '');
  out.push(...summary(report).map(quote));
  for (const g of tied) {
    out.push('');
    const head = `${g.ref!.id} (Section ${g.ref!.section})${g.review ? `: ${STATUS[g.review.status]}` : ''}`;
    out.push(md ? `## ${quote(head)}` : head);
    if (md) out.push('');
    for (const e of g.entries) out.push(md ? `- ${quote(entryLine(e, (s) => s))}` : `  ${entryLine(e, (s) => s)}`);
    const r = g.review;
    const showTexts = r && (r.status === 'conflict' || r.status === 'differs' || r.proposed !== undefined);
    if (showTexts && r.plan?.text) {
      out.push(md ? `- Plan now: ${quote(flat(r.plan.text.value))}` : `  Plan now: ${flat(r.plan.text.value)}`);
      const family = r.proposed ?? r.reply?.proposed;
      if (family !== undefined) out.push(md ? `- ${r.status === 'conflict' || r.status === 'differs' ? "The family's wording" : 'With the changes'}: ${quote(flat(family))}` : `  ${r.status === 'conflict' || r.status === 'differs' ? "The family's wording" : 'With the changes'}: ${flat(family)}`);
    } else if (!r && g.entries.some((e) => e.kind === 'change')) {
      const item = report.reply.items.find((i) => i.section === g.ref!.section && i.id === g.ref!.id);
      if (item) out.push(md ? `- With the changes: ${quote(flat(item.proposed))}` : `  With the changes: ${flat(item.proposed)}`);
    }
  }
  if (untied.length > 0) {
    out.push('');
    out.push(md ? '## Not tied to an item' : 'Not tied to an item:');
    if (md) out.push('');
    for (const e of untied) {
      const hint = e.hint ? ` (after ${label(e.hint)})` : '';
      out.push(md ? `- ${quote(entryLine(e, (s) => s) + hint)}` : `  ${entryLine(e, (s) => s)}${hint}`);
    }
  }
  if (report.reply.unmapped.length > 0) {
    out.push('');
    out.push(md ? '## Not read' : 'Not read:');
    if (md) out.push('');
    for (const u of report.reply.unmapped) out.push(`${md ? '- ' : '  '}${quote(u.what)}${u.count > 1 ? ` (${u.count} times)` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function flat(s: string): string {
  return s.replace(/\s*\n\s*/g, ' / ').trim();
}

function toJson(report: ReplyReport): unknown {
  const entries = report.review?.entries ?? report.reply.entries;
  return {
    file: report.file,
    plan: report.plan ?? null,
    properties: report.reply.properties,
    planUnchanged: report.review?.planUnchanged ?? null,
    otherChild: report.review?.otherChild ?? null,
    entries: entries.map((e) => ({ ...e, item: e.item ? { section: e.item.section, id: e.item.id } : null, hint: e.hint ? { section: e.hint.section, id: e.hint.id } : null, summary: describeEntry(e) })),
    items: (report.review?.items ?? report.reply.items.map((i) => ({ section: i.section, id: i.id, reply: i }))).map((i) => {
      const r = i as ItemReview;
      return {
        section: i.section,
        id: i.id,
        status: r.status ?? null,
        applied: r.applied ?? [],
        pending: r.pending ?? [],
        exported: r.reply?.original ?? null,
        planText: r.plan?.text?.value ?? null,
        proposed: r.proposed ?? r.reply?.proposed ?? null,
      };
    }),
    unmapped: report.reply.unmapped,
  };
}
