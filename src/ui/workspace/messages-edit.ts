// Messages of the workspace's edit tools (zh and en); merged into the workspace dictionary by messages.ts.

export const zh = {};

export const en: typeof zh = {};
