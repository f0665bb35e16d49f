// Imagery (影像底图): adding orthophotos and tile archives, their refusals, the CLI's lines.
// Codes are `imagery.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'imagery.crs.missing':
    '该 GeoTIFF 没有坐标系：请先用 GIS 软件为其指定 CGCS2000 坐标系（如 EPSG:4545）',
  'imagery.sheets.unknownLayer': '没有可用于成果图的影像底图 {layer}（不存在，或无权查看）',
  'imagery.crs.oldDatum': '该影像为 {datum} 坐标系，需先由局提供转换参数转换到 CGCS2000 后再添加',
  'imagery.crs.otherDatum': '该影像的基准 {datum} 不是 CGCS2000，无法添加',
  'imagery.file.extension': '文件 {name} 不是 GeoTIFF（.tif）、MBTiles 或 PMTiles',
  'imagery.file.notWhatNamed': '文件 {name} 的内容不是 {expected} 格式（与扩展名不符）',
  'imagery.file.unreadable': '无法读取文件 {name}',
  'imagery.file.none': '请选择影像文件或填写服务器上的文件路径',
  'imagery.file.uploadBroken': '上传中断，未保存任何内容',
  'imagery.file.uploadType':
    '上传影像时请求体须为文件本身（Content-Type: application/octet-stream）',
  'imagery.bounds.invalid': '影像范围 {bounds} 无效',
  'imagery.bounds.outside': '影像范围 {bounds} 超出本系统的区域（{region}）',
  'imagery.tiff.unreadable': 'GDAL 无法读取该 GeoTIFF',
  'imagery.tiff.bands': '影像须为 8 位 RGB 或 RGBA 三/四波段，该文件为 {bands}',
  'imagery.archive.notRaster': '该瓦片包不是栅格影像（须为 PNG、JPEG 或 WebP 瓦片）',
  'imagery.archive.notMbtiles': '该文件不是有效的 MBTiles 瓦片包',
  'imagery.archive.empty': '该瓦片包中没有瓦片',
  'imagery.disk.full': '磁盘空间不足：约需 {needMb} MB，仅剩 {freeMb} MB',
  'imagery.job.failed': '影像转换失败，未保存任何内容',
  'imagery.what.manage': '管理影像底图',
  'imagery.noLayer': '没有影像底图 {id}',
  'imagery.cli.usage':
    '用法：npm run -s hejie -- imagery add <文件.tif|.mbtiles|.pmtiles> --name <图层名> [--date 2024-05] [--source 来源] [--public]',
  'imagery.cli.progress': '转换中 {percent}%',
  'imagery.cli.added':
    '已添加影像底图 {id}「{name}」：范围 {bounds}，级别 {minzoom}–{maxzoom}，{visibility}',
  'imagery.visibility.public': '公众可见',
  'imagery.visibility.staff': '仅工作人员可见',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'imagery.crs.missing':
    'this GeoTIFF has no coordinate system: assign its CGCS2000 CRS (e.g. EPSG:4545) in a GIS first',
  'imagery.sheets.unknownLayer':
    'No imagery layer {layer} for the sheets (none, or not yours to see)',
  'imagery.crs.oldDatum':
    'this image is in {datum}: convert it to CGCS2000 with the bureau’s transformation first',
  'imagery.crs.otherDatum': 'the image’s datum {datum} is not CGCS2000',
  'imagery.file.extension': '{name} is not a GeoTIFF (.tif), MBTiles or PMTiles file',
  'imagery.file.notWhatNamed':
    '{name} is not a {expected} file (its contents do not match its name)',
  'imagery.file.unreadable': 'cannot read {name}',
  'imagery.file.none': 'choose an image file or give a path on the server',
  'imagery.file.uploadBroken': 'the upload broke off; nothing was kept',
  'imagery.file.uploadType':
    'an imagery upload is the file itself (Content-Type: application/octet-stream)',
  'imagery.bounds.invalid': 'the image bounds {bounds} are invalid',
  'imagery.bounds.outside':
    'the image bounds {bounds} are outside this deployment’s region ({region})',
  'imagery.tiff.unreadable': 'GDAL cannot read this GeoTIFF',
  'imagery.tiff.bands': 'the image must be 8-bit RGB or RGBA; this file is {bands}',
  'imagery.archive.notRaster': 'this tile archive is not raster imagery (PNG, JPEG or WebP tiles)',
  'imagery.archive.notMbtiles': 'this file is not a valid MBTiles archive',
  'imagery.archive.empty': 'this tile archive holds no tiles',
  'imagery.disk.full': 'not enough disk space: about {needMb} MB needed, {freeMb} MB free',
  'imagery.job.failed': 'the conversion failed; nothing was kept',
  'imagery.what.manage': 'manage imagery layers',
  'imagery.noLayer': 'no imagery layer {id}',
  'imagery.cli.usage':
    'usage: hejie imagery add <file.tif|.mbtiles|.pmtiles> --name <layer> [--date 2024-05] [--source text] [--public]',
  'imagery.cli.progress': 'converting {percent}%',
  'imagery.cli.added':
    'added imagery layer {id} “{name}”: bounds {bounds}, zoom {minzoom}–{maxzoom}, {visibility}',
  'imagery.visibility.public': 'public',
  'imagery.visibility.staff': 'staff only',
};
