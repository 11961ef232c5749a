/** Bump when rules or messages change: part of the CLI cache key. */
export const CORE_VERSION = '0.1.0';
