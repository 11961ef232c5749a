/** Shared by the three rules that report what a provision text leaves out. */
import { strSpanRange, type ProvisionItem } from '../parse';
import type { Missing } from '../quantify-types';
import type { Rule, RuleContext } from '../rule';
import type { Fix, Severity } from '../types';

export function missingQuantityRule(options: {
  id: string;
  severity: Severity;
  description: string;
  missing: Missing;
  message: (item: ProvisionItem) => string;
  /** Inserted before the text's closing full stop, with `__` placeholders. */
  template: string;
}): Rule {
  return {
    id: options.id,
    severity: options.severity,
    description: options.description,
    check(context: RuleContext) {
      for (const item of context.plan.provision) {
        const read = context.reading(item);
        if (!read || !item.text || !read.missing.includes(options.missing)) continue;
        context.report(item.text.range, options.message(item), appendToText(context, item, options.template));
      }
    },
  };
}

function appendToText({ parsed }: RuleContext, item: ProvisionItem, template: string): Fix[] {
  const text = item.text!;
  const trimmed = text.value.replace(/\s+$/, '');
  const at = /[.;]$/.test(trimmed) ? trimmed.length - 1 : trimmed.length;
  const range = strSpanRange(parsed, text, { start: at, end: at });
  const point = { start: range.start, end: range.start };
  return [{ title: `Add ${template.replace(/^, /, '')}`, edits: [{ range: point, newText: template }], isTemplate: true }];
}

export const itemName = (item: ProvisionItem): string => (item.id ? `Provision ${item.id.value}` : 'This provision');
