// The names of the workflow stages, from the one table of stages (src/domain/workflow/stages.ts):
// `stage.<id>`, used as a parameter wherever a message names a stage (`stageName(id)`).
import { STAGES } from '../../domain/workflow/stages';

/** Chinese (zh-CN): the 2019 plan's names. */
export const zh: Readonly<Record<string, string>> = Object.fromEntries(
  STAGES.map((s) => [`stage.${s.id}`, s.zh]),
);

/** English. */
export const en: Readonly<Record<string, string>> = Object.fromEntries(
  STAGES.map((s) => [`stage.${s.id}`, s.en]),
);
