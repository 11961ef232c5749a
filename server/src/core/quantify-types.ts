/** Kept so existing imports work: the reading types live in reading/types.ts. */
export type * from './reading/types';
