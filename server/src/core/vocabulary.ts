/** Kept so existing imports work: the reader's vocabulary lives in reading/vocabulary.ts. */
export * from './reading/vocabulary';
