import type { Message } from '../message';

/**
 * The workflow stages of a plan, in order, from the 2019 plan (三、进度计划):
 * 收集底图 → 图上初划 → 意见征求 → 现场复核 → 审核确定 → 成果文件制作与验收, then 公告实施,
 * preceded by 未开始 for a plan whose work has not begun.
 */
export const STAGES = [
  { id: 'not-started', zh: '未开始', en: 'Not started' },
  { id: 'base-map', zh: '收集底图', en: 'Base map collection' },
  { id: 'draft', zh: '图上初划', en: 'Draft delineation' },
  { id: 'consultation', zh: '意见征求', en: 'Consultation' },
  { id: 'field-check', zh: '现场复核', en: 'Field check' },
  { id: 'review', zh: '审核确定', en: 'Review and approval' },
  { id: 'deliverables', zh: '成果文件制作与验收', en: 'Deliverables and acceptance' },
  { id: 'published', zh: '公告实施', en: 'Published' },
] as const;

/** A stage id, e.g. `'field-check'`. */
export type StageId = (typeof STAGES)[number]['id'];

/** The stage a plan starts in. */
export const INITIAL_STAGE: StageId = 'not-started';

/** The last stage: the government's notice is out and the boundary is in force. */
export const FINAL_STAGE: StageId = 'published';

/**
 * Whether a string is a known stage id.
 * @example isStageId('draft') // true
 */
export function isStageId(value: string): value is StageId {
  return STAGES.some((s) => s.id === value);
}

/**
 * Position of a stage in the workflow, 0 for 未开始.
 * @example stageIndex('published') // 7
 */
export function stageIndex(stage: StageId): number {
  return STAGES.findIndex((s) => s.id === stage);
}

/**
 * A stage's name as a message parameter, rendered in the reader's language (`stage.<id>`).
 * @example msg('workflow.stale', { now: stageName('review'), saw: stageName('draft') })
 */
export function stageName(stage: StageId): Message {
  return { code: `stage.${stage}` };
}

/**
 * The label of a stage in a language.
 * @example stageLabel('field-check', 'zh') // '现场复核'
 */
export function stageLabel(stage: StageId, lang: 'zh' | 'en'): string {
  const found = STAGES.find((s) => s.id === stage);
  if (!found) throw new Error(`unknown stage "${stage}"`);
  return found[lang];
}

/**
 * Stage id from a Chinese label or an id; null when neither.
 * @example stageFromLabel('意见征求') // 'consultation'
 */
export function stageFromLabel(label: string): StageId | null {
  const found = STAGES.find((s) => s.id === label || s.zh === label);
  return found ? found.id : null;
}
