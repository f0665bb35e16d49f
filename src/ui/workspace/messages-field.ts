// Messages of the workspace's field tools (zh and en); merged into the workspace dictionary by messages.ts.

export const zh = {};

export const en: typeof zh = {};
