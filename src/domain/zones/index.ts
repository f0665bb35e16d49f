export * from './compute-zones';
export * from './read-reaches';
export * from './rules';
export * from './rules-schema';
