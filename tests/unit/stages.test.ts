import { describe, expect, it } from 'vitest';
import {
  isStageId,
  STAGES,
  stageFromLabel,
  stageIndex,
  stageLabel,
} from '../../src/domain/workflow/stages';

describe('workflow stages', () => {
  it('follow the seed: 未开始 then the plan steps then 公告实施', () => {
    expect(STAGES.map((s) => s.zh)).toEqual([
      '未开始',
      '收集底图',
      '图上初划',
      '意见征求',
      '现场复核',
      '审核确定',
      '成果文件制作与验收',
      '公告实施',
    ]);
  });

  it('map labels and ids both ways', () => {
    expect(stageFromLabel('现场复核')).toBe('field-check');
    expect(stageFromLabel('published')).toBe('published');
    expect(stageFromLabel('验收')).toBeNull();
    expect(stageLabel('consultation', 'en')).toBe('Consultation');
    expect(stageIndex('not-started')).toBe(0);
    expect(isStageId('draft')).toBe(true);
    expect(isStageId('drafting')).toBe(false);
    expect(() => stageLabel('nope' as never, 'zh')).toThrow(/unknown stage/);
  });
});
