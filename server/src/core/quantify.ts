/**
 * Kept so existing imports work: the quantification reader lives in reading/ (read.ts puts together
 * clauses, frequency, amount, period, group, provider and vague wording).
 */
export { quantify } from './reading/index';
export type * from './reading/types';
