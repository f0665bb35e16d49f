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
  approvalMake: '设为已批复边界',
  approvalTitle: '已批复边界的批复信息（三项必填）',
  approvalCategory: '类别',
  approvalCategoryAsk: '请选择类别',
  approvalRef: '批复文号',
  approvalDate: '批复日期',
  approvalSave: '保存批复信息',
  approvalSaved:
    '已设为已批复边界：{category}（{ref}，{date}）。保存版本后可在“已批复边界”中核对、采用。',
  approvalRefused: '批复信息不完整，未设置：',
  approvalAdopted: '已采用为管理范围。',
  workMake: '设为涉水工程',
  workDraw: '画涉水工程',
  workHint:
    '涉水工程：从左岸到右岸依次单击画出工程轴线（水闸、拦河坝、桥梁），在最后一点再单击一次或按 Enter 结束；占地范围请用“画水域”画出后设为涉水工程。',
  workPointDraw: '画涉水工程（点）',
  workPointHint:
    '涉水工程（点）：在泵站、水文站等工程的位置单击一次；再选择工程类型、填写名称。选择工具下可拖动该点。',
  workType: '工程类型',
  workTypeAsk: '请选择工程类型',
  workName: '工程名称',
  workNameAsk: '请填写工程名称。',
  workTypeMissing: '请选择工程类型。',
  workAxis: '工程轴线（从左岸画到右岸）',
  workFootprint: '工程占地范围',
  workUnset:
    '管理范围尚未设置：管理员在 管理 → 规则表 → 涉水工程管理范围 中设置前，该工程只列出，不计入管理范围。',
  workSet: '管理范围按规则表中“{type}”的设置计算。',
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
  approvalMake: 'Make it an approved boundary',
  approvalTitle: 'The approval of this boundary (all three required)',
  approvalCategory: 'Category',
  approvalCategoryAsk: 'Choose the category',
  approvalRef: 'Approval reference (文号)',
  approvalDate: 'Approval date',
  approvalSave: 'Save the approval',
  approvalSaved:
    'Made an approved boundary: {category} ({ref}, {date}). Once a version is saved, check and adopt it under “Approved boundaries”.',
  approvalRefused: 'The approval is incomplete; not set:',
  approvalAdopted: 'Adopted as the management range.',
  workMake: 'Make it a work inside the river',
  workDraw: 'Draw a work',
  workHint:
    'Work inside the river: click its axis from the left bank to the right bank (sluice, dam, bridge); a second click on the last point or Enter ends it. For a footprint, draw it with “Draw water” and make it a work.',
  workPointDraw: 'Draw a work (point)',
  workPointHint:
    'Work as a point: click once where the pumping station, gauging station… stands; then choose its type and enter its name. With the select tool the point can be dragged.',
  workType: 'Type',
  workTypeAsk: 'Choose the type',
  workName: 'Name',
  workNameAsk: 'Enter the work’s name.',
  workTypeMissing: 'Choose the work’s type.',
  workAxis: 'The work’s axis (drawn from the left bank to the right bank)',
  workFootprint: 'The work’s footprint',
  workUnset:
    'Management range not set yet: until the administrator sets it under Admin → Rule table → works, this work is listed but adds nothing to the management range.',
  workSet: 'Its management range follows the rule table’s setting for “{type}”.',
};
