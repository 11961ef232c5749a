/**
 * A diff report → an HTML fragment for the editor's compare view: reductions first, each item
 * a link (data-line) the view turns into "go to the item". Everything from the plan is escaped.
 */
import type { DiffReport, ItemChange, PlanDiff, WordPart } from './types';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function words(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? escapeHtml(p.text) : p.op === 'removed' ? `<del>${escapeHtml(p.text)}</del>` : `<ins>${escapeHtml(p.text)}</ins>`)).join('');
}

function item(c: ItemChange): string {
  const line = c.kind === 'removed' ? undefined : c.line;
  const id = escapeHtml(c.id);
  const link = line ? `<a href="#" class="item" data-line="${line}" title="Go to ${id} (line ${line})">${id}</a>` : `<span class="item removed">${id}</span>`;
  const rest = escapeHtml(c.summary.startsWith(`${c.id}`) ? c.summary.slice(c.id.length) : `: ${c.summary}`);
  const match = c.match?.by === 'similarity' ? ` <span class="note">(matched by text: ${Math.round(c.match.similarity * 100)} % similar)</span>` : '';
  const diff = c.kind === 'changed' && c.text?.diff ? `<div class="words">${words(c.text.diff)}</div>` : '';
  return `<li class="${c.impact}">${link}${rest}${match}${diff}</li>`;
}

function plan(p: PlanDiff): string {
  const groups: [string, string, ItemChange[]][] = [
    ['reduction', 'Reductions: each must be justified by evidence', p.changes.filter((c) => c.impact === 'reduction')],
    ['increase', 'Increases', p.changes.filter((c) => c.impact === 'increase')],
    ['neutral', 'Other changes', p.changes.filter((c) => c.impact === 'neutral')],
  ];
  const parts = groups.filter(([, , cs]) => cs.length > 0).map(([cls, title, cs]) => `<section class="${cls}"><h2>${title} (${cs.length})</h2><ul>${cs.map(item).join('')}</ul></section>`);
  if (p.details.length > 0) {
    parts.push(
      `<section class="neutral"><h2>Plan details (${p.details.length})</h2><ul>${p.details
        .map((d) => `<li>${escapeHtml(d.label)}: ${d.diff ? words(d.diff) : `${d.old === undefined ? '' : `<del>${escapeHtml(d.old)}</del> `}${d.new === undefined ? '' : `<ins>${escapeHtml(d.new)}</ins>`}`}</li>`)
        .join('')}</ul></section>`,
    );
  }
  return parts.join('');
}

/** The body of the compare view for one plan against an earlier version. */
export function renderHtml(report: DiffReport, heading: string): string {
  const p = report.plans[0];
  const s = report.summary;
  const summary = !p || p.status === 'unchanged' ? '<p class="summary">No change for the child: any differences are only in layout, order or wrapping.</p>' : `<p class="summary"><strong>${s.reductions} reduction${s.reductions === 1 ? '' : 's'}</strong>, ${s.increases} increase${s.increases === 1 ? '' : 's'}, ${s.changes} change${s.changes === 1 ? '' : 's'} in all.</p>`;
  return `<h1>${escapeHtml(heading)}</h1>${summary}${p ? plan(p) : ''}<p class="note">Items whose id changed are matched by their words (at least ${Math.round(report.similarityThreshold * 100)} % shared). Yearly minutes assume 38 school weeks where the plan does not say.</p>`;
}
