// Messages of the editor's flood-line tool (由地形计算洪水线, issue 16); merged by messages.ts.

export const zh = {
  floodOpen: '由地形计算洪水线',
  floodTitle: '由地形计算洪水线（行洪河床）',
  floodIntro:
    '上传河段的地形数据（GeoTIFF，CGCS2000，1985 国家高程基准）和水位表（里程,水位），计算设计洪水位与地面的交线，作为左、右岸岸线。',
  floodDem: '地形数据（DEM，GeoTIFF）',
  floodLevels: '水位表（CSV：里程,水位）',
  floodCentreline: '河道中心线（GeoJSON，可选；不选则用河道底图的中心线）',
  floodMaxWidth: '最大计算宽度（米，距中心线）',
  floodCompute: '计算洪水线',
  floodComputing: '正在上传并计算…',
  floodFailed: '无法计算：{msg}',
  floodPreview:
    '预览：左岸 {left} km、右岸 {right} km，淹没 {area} 公顷（{crs}，中心线来自{from}，读取 {cells} 个格网）。',
  floodFromCourse: '河道底图',
  floodFromUpload: '上传的文件',
  floodWarnings: '请核实以下提示：',
  floodConfirm: '我已核实以上提示',
  floodAccept: '接受',
  floodDiscard: '放弃',
  floodExisting: '草稿中已有 {n} 条岸线：',
  floodReplace: '替换现有岸线',
  floodAdd: '作为新河段添加',
  floodAccepted: '已加入草稿：两条岸线可继续编辑，计算后保存。',
  floodNoFile: '请选择地形数据和水位表',
  floodBadCentreline: '{file} 不是有效的 GeoJSON，或其中不是恰好一条线（河道中心线，自上游向下游）',
};

export const en: typeof zh = {
  floodOpen: 'Flood lines from terrain',
  floodTitle: 'Flood lines from terrain (flood-way)',
  floodIntro:
    'Upload the reach’s terrain (GeoTIFF, CGCS2000, 1985 heights) and a levels table (chainage,level): the lines where the design flood level meets the ground become the left and right bank lines.',
  floodDem: 'Terrain (DEM, GeoTIFF)',
  floodLevels: 'Levels table (CSV: chainage,level)',
  floodCentreline: 'Centreline (GeoJSON, optional; else the river course’s centreline)',
  floodMaxWidth: 'Maximum width (m from the centreline)',
  floodCompute: 'Compute flood lines',
  floodComputing: 'Uploading and computing…',
  floodFailed: 'Could not compute: {msg}',
  floodPreview:
    'Preview: left bank {left} km, right bank {right} km, {area} ha flooded ({crs}, centreline from {from}, {cells} cells read).',
  floodFromCourse: 'the river course',
  floodFromUpload: 'the uploaded file',
  floodWarnings: 'Check these notes:',
  floodConfirm: 'I have checked the notes above',
  floodAccept: 'Accept',
  floodDiscard: 'Discard',
  floodExisting: 'The draft already has {n} bank lines:',
  floodReplace: 'Replace the bank lines',
  floodAdd: 'Add as a new reach',
  floodAccepted: 'Added to the draft: both lines stay editable; compute, then save.',
  floodNoFile: 'Choose the terrain and the levels table',
  floodBadCentreline:
    '{file} is not valid GeoJSON or does not hold exactly one line (the centreline, upstream → downstream)',
};
