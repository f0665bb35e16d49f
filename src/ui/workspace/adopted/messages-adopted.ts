// Messages of the approved-boundary check and adoption in the plan panel (issue 16), zh and en.

export const zh = {
  approvedTitle: '已批复边界（有相关成果河道）',
  approvedCheck: '核对已批复边界',
  approvedChecking: '正在核对…',
  approvedNone: '与标准划定的管理范围相比无不足，可直接采用。',
  approvedShort:
    '比标准划定的管理范围少 {n} 处、共 {area} m²，最大不足 {max} m（地图上红色区域）。',
  approvedPart: '第 {i} 处：{area} m²，最大不足 {max} m',
  approvedReach: '河段 {reach}：{category}（{ref}，{date}）',
  approvedReason: '采用理由（有不足时必填，记入审计）',
  approvedAdopt: '采用为管理范围',
  approvedAdopted: '已采用，保存为第 {v} 版。',
};

export const en: typeof zh = {
  approvedTitle: 'Approved boundaries',
  approvedCheck: 'Check the approved boundaries',
  approvedChecking: 'Checking…',
  approvedNone:
    'Nothing falls short of the standard’s management range: it may be adopted as it is.',
  approvedShort:
    'Falls short of the standard’s management range in {n} parts, {area} m² in all, by up to {max} m (red on the map).',
  approvedPart: 'Part {i}: {area} m², up to {max} m short',
  approvedReach: 'Reach {reach}: {category} ({ref}, {date})',
  approvedReason: 'Reason for adopting (required when it falls short; audited)',
  approvedAdopt: 'Adopt as the management range',
  approvedAdopted: 'Adopted, saved as version {v}.',
};
