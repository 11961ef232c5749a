import { AdviceStore, loadAdvice } from '../../server/src/advice/store';
import { checkPlan, type CheckOptions } from '../../server/src/core/check';
import { parsePlan } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/types';

const store = new AdviceStore();

/** Checks a plan as `ehcp check` does: its advice files read from beside it first. */
export async function checkWithAdvice(file: string, text: string, options: CheckOptions = {}): Promise<Finding[]> {
  const parsed = parsePlan(text);
  const advice = await loadAdvice(file, parsed.plan.advice, store);
  return checkPlan(parsed, { ...options, advice });
}
