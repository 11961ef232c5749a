/**
 * `ehcp advice <plans | folders | globs…> [--format text|markdown|json]`: the traceability
 * report a QA officer or a tribunal bundle needs. Reads each plan and the advice files it names,
 * then prints, per report, each recommendation, the plan items that cite it and the quantities
 * side by side, unused and weakened ones first. Exit 0 (the report is the output), 2 when it cannot run.
 */
import { readFileSync } from 'node:fs';
import { AdviceStore, loadAdvice } from '../advice/store';
import { formatTraceJson, formatTraceMarkdown, formatTraceText, tracePlan, type TracePlan } from '../advice/traceability';
import { parsePlan } from '../core/parse';
import { InputError, quoteArg, type AdviceArgs } from './args';
import { ConfigResolver } from './config-files';
import { findPlans } from './files';
import { decodeText, ioReason } from './io';

export async function adviceReport(options: AdviceArgs): Promise<number> {
  const cwd = process.cwd();
  const plans = findPlans(options.patterns, cwd);
  const configs = new ConfigResolver(cwd, undefined);
  const store = new AdviceStore();
  const traced: TracePlan[] = [];
  for (const plan of plans) {
    let text: string;
    try {
      text = decodeText(readFileSync(plan.abs));
    } catch (error) {
      throw new InputError(`cannot read ${quoteArg(plan.display)}: ${ioReason(error)}`);
    }
    const parsed = parsePlan(text);
    const lookup = await loadAdvice(plan.abs, parsed.plan.advice, store);
    traced.push(tracePlan(plan.display, parsed, lookup, configs.forFile(plan.abs).config.extraVaguePhrases ?? []));
  }
  const output = options.format === 'json' ? formatTraceJson(traced) : options.format === 'markdown' ? formatTraceMarkdown(traced) : formatTraceText(traced);
  process.stdout.write(output);
  return 0;
}
