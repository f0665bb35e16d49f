// Names the dashboard prints: a unit by adcode, a stage, in the UI's language; the stage colours.
import { countyByCode } from '../../domain/plans/counties';
import { STAGES, type StageId, stageLabel } from '../../domain/workflow/stages';
import type { Lang } from '../i18n';

/** A unit's name (市本级, 灵山县 / City level, Lingshan) by adcode. */
export function unitName(unit: string, lang: Lang): string {
  const c = countyByCode(unit);
  if (!c) return unit;
  return lang === 'zh' ? c.name : c.nameEn;
}

/** A stage's name in the UI's language. */
export const stageText = (stage: StageId, lang: Lang): string => stageLabel(stage, lang);

/** One colour per stage, from grey (未开始) through blues to green (公告实施). */
export const STAGE_COLOURS: Record<StageId, string> = {
  'not-started': '#b8c0ca',
  'base-map': '#9ecae1',
  draft: '#6baed6',
  consultation: '#4292c6',
  'field-check': '#2171b5',
  review: '#08519c',
  deliverables: '#6a51a3',
  published: '#237a34',
};

/** The stage ids in workflow order. */
export const STAGE_IDS: readonly StageId[] = STAGES.map((s) => s.id);

/** The matrix's states with their colours (on-time green, late amber, missing red, not due grey). */
export const STATE_COLOURS = {
  'on-time': '#237a34',
  late: '#b86e00',
  missing: '#c92a2a',
  'not-due': '#b8c0ca',
} as const;
