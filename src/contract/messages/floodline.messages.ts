// Flood lines from a DEM (issue 16, 行洪河床): the engine, the DEM and levels readers, the CLI.
// Codes are `floodline.<what>`; every code has both languages. Chainages are metres from the
// centreline's start.

/** Chinese (zh-CN), the first language. */
export const zh = {
  'floodline.levels.duplicate': '里程 {chainage} 米处给了两个不同的水位（{a} 米和 {b} 米）',
  'floodline.levels.rising': '水位沿程向下游升高：里程 {ranges} 米之间。请确认水位表无误',
  'floodline.levels.heldStart': '里程 0–{to} 米没有水位，按第一个断面的 {level} 米取值',
  'floodline.levels.heldEnd': '里程 {from}–{to} 米没有水位，按最后一个断面的 {level} 米取值',
  'floodline.centrelineOutside': '河道中心线在里程 {ranges} 米处超出了地形数据（DEM）的范围',
  'floodline.noWater':
    '沿河道中心线各处地面都高于水位，没有被淹没的河床。请检查水位与地形数据的高程基准（应为 1985 国家高程基准）',
  'floodline.datum.deep':
    '沿河道中心线的水深中位数为 {depth} 米，超过 {limit} 米，地形数据可能采用了其他高程基准（如大地高）。请确认',
  'floodline.dryCentreline': '河道中心线在里程 {ranges} 米处地面高于水位，洪水在此中断',
  'floodline.noMeeting':
    '里程 {ranges} 米处水面与地面在地形数据范围内（或距中心线 {maxWidth} 米以内）没有相交，不能确定洪水线',
  'floodline.nodata': '里程 {ranges} 米处淹没范围遇到地形数据的空值（无数据）区，不能确定洪水线',
  'floodline.banksSplit':
    '淹没范围的边界不能分成左右两条岸线（左岸 {left} 段、右岸 {right} 段），请检查中心线与水位',
  'floodline.area.seedOutside': '起算点（或范围）不在地形数据范围内',
  'floodline.area.seedDry': '起算点（或范围）处地面高于水位 {level} 米，没有被淹没',
  'floodline.area.noMeeting':
    '水位 {level} 米的淹没范围在距起算点约 {distance} 米处到达地形数据边缘或 {maxDistance} 米的限值，水面与地面没有闭合',
  'floodline.area.nodata':
    '水位 {level} 米的淹没范围在距起算点约 {distance} 米处遇到地形数据的空值区',
  'floodline.dem.oldDatum': '地形数据采用 {datum} 坐标系，请先转换为 CGCS2000',
  'floodline.dem.noCrs':
    '地形数据（GeoTIFF）没有声明坐标系，请使用 CGCS2000 地理坐标或 3 度带高斯投影',
  'floodline.dem.otherCrs':
    '地形数据的坐标系 EPSG:{code} 不是 CGCS2000（EPSG:4490/4545/4546/4524/4525），请先转换',
  'floodline.dem.tooBig': '{name} 大小为 {size} GB，超过 {max} GB 的上限，请裁剪到河段范围后再上传',
  'floodline.dem.notGeotiff': '{name} 不是 GeoTIFF 文件',
  'floodline.dem.grid': '{name} 的栅格有旋转或没有地理参考，请使用正北方向的 GeoTIFF',
  'floodline.levels.csv': '{file} 不是有效的 CSV 表格（引号未闭合）',
  'floodline.levels.header': '{file} 的表头应有“里程,水位”（或 chainage,level）两列',
  'floodline.levels.row': '{file} 第 {line} 行：“{value}”不是有效的数值（里程不能为负）',
  'floodline.levels.empty': '{file} 中没有水位',
  'floodline.marks.notPoints':
    '{file} 应为历史洪水位点的 GeoJSON 要素集合（点，带 level 或 水位 属性）',
  'floodline.marks.bad': '{file} 第 {n} 个要素不是带有效水位（level 或 水位）的点',
  'floodline.marks.far':
    '第 {n} 个历史洪水位点距河道中心线 {distance} 米，超出 {max} 米或不在河段起止之间',
  'floodline.api.noDem': '请先上传地形数据（DEM，GeoTIFF），或重新上传（上传的文件保留一小时）',
  'floodline.api.uploadBroken': '地形数据上传中断，请重新上传',
  'floodline.api.noCentreline': '这条河流还没有河道底图中心线，请上传河道中心线（GeoJSON）',
  'floodline.cli.usage':
    'npm run -s hejie -- floodline --dem 地形.tif --centerline 中心线.geojson --levels 水位.csv [--max-width 2000] [--yes] -o 岸线.geojson',
  'floodline.cli.args': '需要 --dem、--centerline、--levels 和 -o',
  'floodline.cli.maxWidth': '--max-width 应为正数（米）',
  'floodline.cli.centreline': '{file} 中应有且只有一条线（河道中心线，自上游向下游）',
  'floodline.cli.confirm': '以上提示需要确认：核实后加 --yes 重新运行。未写出文件',
  'floodline.cli.warning': '提示：{text}',
  'floodline.cli.written':
    '已写出 {file}：左岸 {left} 米、右岸 {right} 米（{crs}，DEM 格网 {cell} 米，读取 {cells} 个格网）',
  'reservoir.cli.usage':
    'npm run -s hejie -- reservoir --dem 地形.tif --level 校核洪水位 --seed 经度,纬度 --name 水库名 [--max-distance 5000] -o 水库.geojson',
  'reservoir.cli.args': '需要 --dem、--level、--seed、--name 和 -o',
  'reservoir.cli.level': '--level 应为校核洪水位（米，1985 国家高程基准），得到的是“{value}”',
  'reservoir.cli.seed': '--seed 应为库区水面内一点的经度,纬度（CGCS2000），得到的是“{value}”',
  'reservoir.cli.maxDistance': '--max-distance 应为正数（米）',
  'reservoir.cli.written':
    '已写出 {file}：{name} 校核洪水位 {level} 米以下范围 {area} 公顷（{crs}，读取 {cells} 个格网）；在编辑器中“导入测量数据…”即为水库（涉水工程）',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'floodline.levels.duplicate': 'chainage {chainage} m has two different levels ({a} m and {b} m)',
  'floodline.levels.rising':
    'the water level rises downstream between chainages {ranges} m; confirm the levels table',
  'floodline.levels.heldStart':
    'chainages 0–{to} m have no level; the first section’s {level} m is used',
  'floodline.levels.heldEnd':
    'chainages {from}–{to} m have no level; the last section’s {level} m is used',
  'floodline.centrelineOutside': 'the centreline leaves the DEM at chainages {ranges} m',
  'floodline.noWater':
    'the ground is above the water level all along the centreline: nothing is flooded. Check the height datum of the levels and the DEM (1985 national height datum)',
  'floodline.datum.deep':
    'the median water depth along the centreline is {depth} m, more than {limit} m: the DEM may use another height datum (e.g. ellipsoidal heights). Confirm',
  'floodline.dryCentreline':
    'the ground is above the water level on the centreline at chainages {ranges} m: the flood is cut there',
  'floodline.noMeeting':
    'at chainages {ranges} m the water surface does not meet the ground within the DEM (or within {maxWidth} m of the centreline): no flood line there',
  'floodline.nodata':
    'at chainages {ranges} m the flooded area reaches cells without data in the DEM: no flood line there',
  'floodline.banksSplit':
    'the flooded area’s edge does not split into one left and one right bank ({left} left pieces, {right} right): check the centreline and the levels',
  'floodline.area.seedOutside': 'the seed point (or area) is outside the DEM',
  'floodline.area.seedDry': 'the ground at the seed point (or area) is above the level {level} m',
  'floodline.area.noMeeting':
    'the area flooded at {level} m reaches the DEM’s edge or the {maxDistance} m limit about {distance} m from the seed: the water does not meet the ground',
  'floodline.area.nodata':
    'the area flooded at {level} m reaches cells without data about {distance} m from the seed',
  'floodline.dem.oldDatum': 'the DEM is in {datum}; convert it to CGCS2000 first',
  'floodline.dem.noCrs':
    'the DEM (GeoTIFF) declares no coordinate system; use CGCS2000 geographic or a 3° Gauss-Krüger zone',
  'floodline.dem.otherCrs':
    'the DEM’s coordinate system EPSG:{code} is not CGCS2000 (EPSG:4490/4545/4546/4524/4525); convert it first',
  'floodline.dem.tooBig':
    '{name} is {size} GB, over the {max} GB limit; clip it to the reach before uploading',
  'floodline.dem.notGeotiff': '{name} is not a GeoTIFF file',
  'floodline.dem.grid': '{name} is rotated or has no georeference; use a north-up GeoTIFF',
  'floodline.levels.csv': '{file} is not a valid CSV table (a quote is left open)',
  'floodline.levels.header': '{file} needs the columns chainage,level (or 里程,水位) in its header',
  'floodline.levels.row':
    '{file} line {line}: "{value}" is not a valid number (chainages are not negative)',
  'floodline.levels.empty': '{file} has no levels',
  'floodline.marks.notPoints':
    '{file} must be a GeoJSON FeatureCollection of historic flood marks (points with a level or 水位 property)',
  'floodline.marks.bad': '{file} feature {n} is not a point with a valid level (level or 水位)',
  'floodline.marks.far':
    'historic flood mark {n} is {distance} m from the centreline: more than {max} m, or beyond the reach’s ends',
  'floodline.api.noDem': 'upload the DEM (GeoTIFF) first, or again (uploads are kept for an hour)',
  'floodline.api.uploadBroken': 'the DEM upload broke off; upload it again',
  'floodline.api.noCentreline':
    'this river has no course centreline yet; upload the centreline (GeoJSON)',
  'floodline.cli.usage':
    'npm run -s hejie -- floodline --dem dem.tif --centerline centreline.geojson --levels levels.csv [--max-width 2000] [--yes] -o banks.geojson',
  'floodline.cli.args': '--dem, --centerline, --levels and -o are needed',
  'floodline.cli.maxWidth': '--max-width must be a positive number (metres)',
  'floodline.cli.centreline':
    '{file} must hold exactly one line (the centreline, upstream → downstream)',
  'floodline.cli.confirm':
    'the notes above need confirming: check them, then run again with --yes. Nothing was written',
  'floodline.cli.warning': 'note: {text}',
  'floodline.cli.written':
    'wrote {file}: left bank {left} m, right bank {right} m ({crs}, DEM cell {cell} m, {cells} cells read)',
  'reservoir.cli.usage':
    'npm run -s hejie -- reservoir --dem dem.tif --level <check flood level> --seed <lon,lat> --name <reservoir> [--max-distance 5000] -o reservoir.geojson',
  'reservoir.cli.args': '--dem, --level, --seed, --name and -o are needed',
  'reservoir.cli.level':
    '--level must be the check flood level (metres, 1985 national height datum), got "{value}"',
  'reservoir.cli.seed':
    '--seed must be lon,lat (CGCS2000) of a point on the reservoir’s water, got "{value}"',
  'reservoir.cli.maxDistance': '--max-distance must be a positive number (metres)',
  'reservoir.cli.written':
    'wrote {file}: {name}, the area below the check flood level {level} m, {area} ha ({crs}, {cells} cells read); import it in the editor (导入测量数据…) as the reservoir work',
};
