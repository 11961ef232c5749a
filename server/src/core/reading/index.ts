/** The quantification reader: one provision text → what a careful tribunal reader can tell from it. */
export { quantify } from './read';
export type * from './types';
