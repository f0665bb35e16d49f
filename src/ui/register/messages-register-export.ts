// Messages of the register's Excel export (zh and en).

export const zh = {
  registerExport: '导出 Excel',
  registerExportTitle: '导出当前筛选和排序下的 {n} 条计划（Excel）',
  registerExportSheet: '计划表',
  registerExportHeading: '钦州市江河湖库管理范围划定计划表，导出日期 {date}',
  registerExportDone: '已下载 {name}（{n} 条）',
};

export const en: typeof zh = {
  registerExport: 'Export to Excel',
  registerExportTitle: 'Export the {n} plans as filtered and sorted (Excel)',
  registerExportSheet: 'Plans',
  registerExportHeading: 'Qinzhou river and lake management boundary plans, exported {date}',
  registerExportDone: 'Downloaded {name} ({n} plans)',
};
