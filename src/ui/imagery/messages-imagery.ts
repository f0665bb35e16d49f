// Messages of the imagery layers (影像底图, issue 18) in the map's layer switcher and the admin
// console's imagery section, zh and en.
import { useMemo } from 'react';
import { useLang } from '../i18n';

export const zh = {
  imageryGroup: '影像底图',
  imageryOption: '{name}（{date}）',
  imageryNoDate: '日期不详',
  imageryStaffOnly: '仅工作人员可见',
  imageryCredit: '影像 © {source}（{date}）',
  imageryBureau: '本局',
  secImagery: '影像底图',
  imageryIntro:
    '添加本局的正射影像（GeoTIFF，CGCS2000 坐标系，RGB/RGBA）或 GIS 人员制作的 MBTiles、PMTiles 瓦片包。GeoTIFF 在服务器上后台转换为瓦片；大文件请填写服务器上的路径。',
  imageryName: '图层名称',
  imageryDate: '拍摄日期',
  imageryDateHint: '如 2024-05',
  imagerySource: '来源',
  imageryResolution: '分辨率（米）',
  imageryPublic: '公众可见',
  imageryPublicHint: '仅在脱密状态允许时对公众开放',
  imageryFile: '影像文件',
  imageryPath: '或服务器上的文件路径',
  imageryAdd: '添加',
  imageryAdding: '正在上传…',
  imageryNeedFile: '请选择影像文件或填写服务器上的路径',
  imageryNeedName: '请填写图层名称',
  imageryJobs: '转换任务',
  imageryJobQueued: '排队中',
  imageryJobRunning: '转换中 {percent}%',
  imageryJobDone: '已完成',
  imageryJobFailed: '失败：{error}',
  imageryLayers: '已有影像底图',
  imageryNone: '尚无影像底图',
  imageryColName: '名称',
  imageryColDate: '日期',
  imageryColResolution: '分辨率',
  imageryColSource: '来源',
  imageryColZooms: '级别',
  imageryColBounds: '范围',
  imageryColPublic: '公众可见',
  imagerySynthetic: '（测试生成）',
} as const;

const en: { readonly [K in keyof typeof zh]: string } = {
  imageryGroup: 'Imagery',
  imageryOption: '{name} ({date})',
  imageryNoDate: 'date unknown',
  imageryStaffOnly: 'staff only',
  imageryCredit: 'Imagery © {source} ({date})',
  imageryBureau: 'the bureau',
  secImagery: 'Imagery',
  imageryIntro:
    'Add the bureau’s orthophotos (GeoTIFF in a CGCS2000 CRS, RGB/RGBA) or MBTiles/PMTiles archives made by its GIS staff. A GeoTIFF is converted to tiles on the server in the background; for large files give a path on the server.',
  imageryName: 'Layer name',
  imageryDate: 'Date taken',
  imageryDateHint: 'e.g. 2024-05',
  imagerySource: 'Source',
  imageryResolution: 'Resolution (m)',
  imageryPublic: 'Public',
  imageryPublicHint: 'only when its declassification allows',
  imageryFile: 'Image file',
  imageryPath: 'or a file path on the server',
  imageryAdd: 'Add',
  imageryAdding: 'Uploading…',
  imageryNeedFile: 'Choose an image file or give a path on the server',
  imageryNeedName: 'Give the layer a name',
  imageryJobs: 'Conversions',
  imageryJobQueued: 'queued',
  imageryJobRunning: 'converting {percent}%',
  imageryJobDone: 'done',
  imageryJobFailed: 'failed: {error}',
  imageryLayers: 'Imagery layers',
  imageryNone: 'No imagery yet',
  imageryColName: 'Name',
  imageryColDate: 'Date',
  imageryColResolution: 'Resolution',
  imageryColSource: 'Source',
  imageryColZooms: 'Zoom',
  imageryColBounds: 'Bounds',
  imageryColPublic: 'Public',
  imagerySynthetic: ' (generated for tests)',
};

type ImageryKey = keyof typeof zh;

/** Translates an imagery key in the current language. */
export type IT = (key: ImageryKey, vars?: Record<string, string | number>) => string;

/** The imagery translator of the current language. */
export function useIt(): IT {
  const { lang } = useLang();
  return useMemo(() => {
    const dict: Record<string, string> = lang === 'zh' ? zh : en;
    return (key, vars) =>
      (dict[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
  }, [lang]);
}
