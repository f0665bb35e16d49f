export * from './compute-zones';
export * from './offset-line';
export * from './read-reaches';
export * from './rules';
export * from './rules-schema';
export * from './sample-reach';
