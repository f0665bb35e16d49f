// The command line (src/cli): help, usage and what the commands say; the domain's messages inside.
// Codes are `cli.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'cli.help': `河界 Hejie 命令行

用法：npm run -s hejie -- <命令> [选项] [--lang zh|en]

命令：
  plans [--overdue|--on-time] [--county 灵山县|450721] [--q 搜索词] [--json]
                 规划名录，含阶段与逾期情况（按北京时间今日计）
  rivers [--json]
                 河湖名录，含规划、所在县区与上图情况（无几何图形为“未上图”）
  zones <输入.geojson> [-o 输出.geojson] [--rules 标准表.json]
                 按输入中每个河段（经纬度堤脚线/岸线，按角色区分）在该河段所在的高斯-克吕格
                 分带中计算管理范围与保护范围；不带 -o 时输出到标准输出；出错时列出全部原因，
                 不写任何文件，退出码 1
  markers <范围.geojson> [--spacing 150] [--min-gap 20] [--bend 20] [--board-km 5] [-o 界桩.geojson]
                 在每条管理/保护范围线的两岸布设界桩，并建议公告牌位置，自上游向下游编号
  export <输入.geojson> --format shp|dxf|kml|geojson|xlsx|csv|txt [--crs auto|EPSG:4545|…]
         [--encoding utf-8|gbk] -o <路径>
                 CGCS2000 成果：GIS/CAD 文件与坐标成果表
  sheets <文件.geojson>… [--scale 2000|5000|10000] [--paper A3|A1|A0|50x50]
         [--orientation auto|landscape|portrait] [--title 图名] [--unit 制图单位] [--table] -o 图集.pdf
                 成果图：接图表及按比例尺分幅的矢量 PDF 图幅；--table 输出界桩坐标成果表 PDF
  import <文件> [--crs EPSG:xxxx] [--encoding gbk|utf-8] -o 输出.geojson
                 将测量成果（Shapefile 压缩包、GeoJSON、KML、DXF、CSV/XLSX/TXT 坐标表）转换为
                 CGCS2000 经纬度 GeoJSON；报告识别出的坐标系及所做的每项修正
  course import <河流名称或编号> <文件> [--source 来源] [--date 2021-06] [--unit 测绘单位]
         [--declassified yes|no|unknown] [--public] [--crs EPSG:xxxx] [--encoding gbk|utf-8]
                 导入局方河道底图（中心线、岸线、水面）作为该河流的新版本；显示新增要素数及上图状态
  sample-reach   重新生成 geodata/samples/nanliujiang-sample-reach.geojson：沿南流江真实河道
                 （rivers.geojson）20 km 河段两侧 ±40 m 的示范堤脚线
  user add <用户名> --role planner|chief|admin|department [--name 姓名] [--person 高朴]
       [--organisation 市生态环境局] [--county 450721 …] [--city] [--publish] [--password-stdin]
  user list [--json] | user passwd <用户名> [--password-stdin] | user disable <用户名>
                 账号管理；密码从标准输入读取（至少 10 个字符），从不写在命令行上；
                 不带 --password-stdin 时生成随机密码并只显示一次
  imagery add <文件.tif|.mbtiles|.pmtiles> --name <图层名> [--date 2024-05] [--source 来源] [--public]
                 添加影像底图：GeoTIFF（CGCS2000 坐标系）用 GDAL 转换为瓦片，瓦片包直接复制；
                 打印图层编号、范围和级别
  floodline --dem 地形.tif --centerline 中心线.geojson --levels 水位.csv|洪水位点.geojson
            [--max-width 2000] [--yes] -o 岸线.geojson
                 由地形（DEM）计算设计洪水位与地面的交线（行洪河床），输出左、右岸岸线；
                 提示须核实后加 --yes；出错时注明里程，不写任何文件，退出码 1
  reservoir --dem 地形.tif --level 校核洪水位 --seed 经度,纬度 --name 水库名
            [--max-distance 5000] -o 水库.geojson
                 由地形计算水库校核洪水位以下、与库区水面连通的范围，输出水库（涉水工程）面，
                 可在编辑器中导入；出错时不写任何文件，退出码 1
  backup [--url <postgres://…>] <文件>
                 在线备份 $HEJIE_DATA/hejie.sqlite（服务器运行时也安全），并对副本执行
                 PRAGMA integrity_check；设置了 HEJIE_DATABASE_URL 或 --url 时用 pg_dump -Fc
  restore [--url <postgres://…>] <文件>
                 将检查通过的备份放回原处（需先停止服务器）；原数据库保留为
                 hejie.sqlite.bak-<时间戳>；PostgreSQL 用 pg_restore（一个事务），--url 优先于
                 HEJIE_DATABASE_URL
  synth --plans 5000 --km 50000 --seed 1 (--out <SQLite 文件> | --to <postgres://…>) [--force]
                 写入合成省级数据（仅供测试与基准，全部标记为 synthetic，河道为网格上的正弦线，
                 非真实河流）：计划、堤脚线、计算的范围与界桩、数月的阶段记录，部分已公告
  store copy --from <SQLite 文件> --to <postgres://…>
                 将 SQLite 库原样复制到空的 PostgreSQL 库（一个事务），逐表核对行数与哈希
  help           显示本说明

环境变量：HEJIE_DATA（数据目录，默认 ./data），HEJIE_NOW（将今日视为该 ISO 日期），
LANG / LC_ALL（输出语言，zh_CN.UTF-8 为中文，en_US.UTF-8 为英文；--lang 优先）。`,
  'cli.badLang': '--lang 只能是 zh 或 en（收到“{got}”）',
  'cli.unknownCommand': '未知命令“{command}”',
  'cli.countyOneOf': '--county 只能是以下之一：{list}',
  'cli.usage': '用法：{syntax}',
  'cli.prefixed': '{command}：{text}',
  'cli.warning': '警告：{text}',
  'cli.noSuchFile': '文件不存在',
  'cli.cannotRead': '无法读取 {what}：{why}',
  'cli.cannotWrite': '无法写入 {path}：{why}',
  'cli.notJson': '{what} 不是有效的 JSON：{why}',
  'cli.whatPath': '{what} {path}',
  'cli.what.input': '输入文件',
  'cli.what.ruleTable': '标准表',
  'cli.what.zones': '范围文件',
  'cli.export.oneInput': '只能给出一个输入文件',
  'cli.export.formatOneOf': '--format 只能是以下之一：{list}',
  'cli.export.crsOneOf': '--crs 只能是 auto 或以下之一：{list}',
  'cli.export.encodingOneOf': '--encoding 只能是 utf-8 或 gbk',
  'cli.export.outputRequired': '必须用 -o <路径> 指定输出',
  'cli.export.nothingWritten': '未写出任何文件',
  'cli.export.wrote': '已写出 {path}（{format}，{crs}）',
  'cli.import.oneFile': '一次只能导入一个文件（收到 {n} 个）',
  'cli.import.noInput': '未给出输入文件',
  'cli.import.outputRequired': '必须用 -o out.geojson 指定输出',
  'cli.import.crsOneOf': '--crs 只能是以下之一：{list}',
  'cli.import.encodingOneOf': '--encoding 只能是 gbk 或 utf-8',
  'cli.import.runWithCrs': '请加上 --crs 重新运行',
  'cli.import.how.prj': '由文件声明',
  'cli.import.how.option': '由 --crs 指定',
  'cli.import.how.detected': '根据坐标数值识别',
  'cli.import.crs': '坐标系：{crs}（{name}），{how}',
  'cli.import.encoding': '编码：{encoding}',
  'cli.import.noEncoding': '不适用',
  'cli.import.written': '已将 {n} 个要素写入 {path}',
  'cli.backup.noDatabase': '{path} 处没有数据库（请设置 HEJIE_DATA）',
  'cli.backup.failed': '备份失败：{why}',
  'cli.backup.copyFails': '已将 {source} 备份到 {target}，但副本未通过检查：{why}',
  'cli.backup.done':
    '已将 {source} 备份到 {target}；integrity_check 通过；数据库结构版本 {version}',
  'cli.restore.refused': '不予恢复：{why}',
  'cli.restore.inUse': '{path} 正被其他进程打开（服务器在运行？），请先停止',
  'cli.restore.kept': '原数据库已保留为 {path}',
  'cli.restore.restored': '已将 {source} 恢复到 {target}（数据库结构版本 {version}）',
  'cli.restore.fails': '恢复后的文件未通过检查：{why}',
  'cli.restore.done': 'integrity_check 通过；启动服务器即可使用',
  'cli.restore.failed': '恢复失败：{why}',
  'cli.usage.zones': '用法：zones <输入.geojson> [-o 输出.geojson] [--rules 标准表.json]',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'cli.help': `河界 Hejie command line

Usage: npm run -s hejie -- <command> [options] [--lang zh|en]

Commands:
  plans [--overdue|--on-time] [--county 灵山县|450721] [--q 搜索词] [--json]
                 the plan register with stage and overdue status (today, China time)
  rivers [--json]
                 waterbodies with their plans, counties and map status (未上图 when no geometry)
  zones <input.geojson> [-o out.geojson] [--rules rules.json]
                 management range and protection zone of every reach in the input (lon/lat
                 toe/bank lines by role), computed in the reach's Gauss-Krüger zone; stdout
                 without -o; on any error prints every reason, writes nothing, exits 1
  markers <zones.geojson> [--spacing 150] [--min-gap 20] [--bend 20] [--board-km 5] [-o markers.geojson]
                 boundary markers (界桩) on every management/protection line per bank, and
                 suggested notice boards (公告牌), numbered upstream → downstream
  export <in.geojson> --format shp|dxf|kml|geojson|xlsx|csv|txt [--crs auto|EPSG:4545|…]
         [--encoding utf-8|gbk] -o <path>
                 CGCS2000 deliverables: GIS/CAD files and coordinate tables (坐标成果表)
  sheets <file.geojson>… [--scale 2000|5000|10000] [--paper A3|A1|A0|50x50]
         [--orientation auto|landscape|portrait] [--title text] [--unit mapping unit] [--table] -o atlas.pdf
                 map sheets (成果图): the index sheet and the sheets at the exact scale as vector PDF;
                 --table writes the marker coordinate-table book (界桩坐标成果表) instead
  import <file> [--crs EPSG:xxxx] [--encoding gbk|utf-8] -o out.geojson
                 surveyed data (zipped shapefile, GeoJSON, KML, DXF, CSV/XLSX/TXT coordinate
                 tables) to lon/lat CGCS2000 GeoJSON; reports the CRS found and every fix made
  course import <river name or id> <file> [--source text] [--date 2021-06] [--unit surveyor]
         [--declassified yes|no|unknown] [--public] [--crs EPSG:xxxx] [--encoding gbk|utf-8]
                 the bureau's river course (centreline, bank lines, water polygons) as the
                 river's next version (河道底图); prints the features added and the map status
  sample-reach   rewrites geodata/samples/nanliujiang-sample-reach.geojson: demonstration toe
                 lines at ±40 m of a 20 km stretch of 南流江's real course (rivers.geojson)
  user add <username> --role planner|chief|admin|department [--name 姓名] [--person 高朴]
       [--organisation 市生态环境局] [--county 450721 …] [--city] [--publish] [--password-stdin]
  user list [--json] | user passwd <username> [--password-stdin] | user disable <username>
                 accounts; the password is read from stdin (≥ 10 characters), never from the
                 command line; without --password-stdin a random one is printed once
  imagery add <file.tif|.mbtiles|.pmtiles> --name <layer> [--date 2024-05] [--source text] [--public]
                 adds an imagery layer: a GeoTIFF (CGCS2000) is converted to tiles with GDAL, an
                 archive is copied; prints the layer's id, bounds and zoom range
  floodline --dem dem.tif --centerline centreline.geojson --levels levels.csv|marks.geojson
            [--max-width 2000] [--yes] -o banks.geojson
                 bank lines where the design flood level meets the ground (flood-way), from a DEM;
                 notes need --yes once checked; errors name the chainages, write nothing, exit 1
  reservoir --dem dem.tif --level <check flood level> --seed <lon,lat> --name <reservoir>
            [--max-distance 5000] -o reservoir.geojson
                 the area below a reservoir's check flood level connected to its water, from a
                 DEM, as the reservoir work's polygon to import in the editor; errors write nothing
  backup [--url <postgres://…>] <file>
                 online backup of $HEJIE_DATA/hejie.sqlite (safe while the server runs), then
                 PRAGMA integrity_check on the copy; pg_dump -Fc with HEJIE_DATABASE_URL or --url
  restore [--url <postgres://…>] <file>
                 puts a checked backup in place (server stopped); keeps the old database as
                 hejie.sqlite.bak-<timestamp>; pg_restore on PostgreSQL (one transaction), --url
                 wins over HEJIE_DATABASE_URL
  synth --plans 5000 --km 50000 --seed 1 (--out <SQLite file> | --to <postgres://…>) [--force]
                 writes a synthetic province (tests and benchmarks only, every record flagged
                 synthetic, rivers are sine waves on a grid, no real river): plans, toe lines,
                 computed zones and markers, months of stage moves, some published
  store copy --from <SQLite file> --to <postgres://…>
                 copies a SQLite store verbatim into an empty PostgreSQL database (one
                 transaction) and checks every table's rows and hash
  help           this text

Environment: HEJIE_DATA (data folder, default ./data), HEJIE_NOW (pretend today is this ISO date),
LANG / LC_ALL (language of the output: zh_CN.UTF-8 Chinese, en_US.UTF-8 English; --lang wins).`,
  'cli.badLang': '--lang must be zh or en (got "{got}")',
  'cli.unknownCommand': 'unknown command "{command}"',
  'cli.countyOneOf': '--county must be one of {list}',
  'cli.usage': 'usage: {syntax}',
  'cli.prefixed': '{command}: {text}',
  'cli.warning': 'warning: {text}',
  'cli.noSuchFile': 'no such file',
  'cli.cannotRead': 'cannot read {what}: {why}',
  'cli.cannotWrite': 'cannot write {path}: {why}',
  'cli.notJson': '{what} is not valid JSON: {why}',
  'cli.whatPath': '{what} {path}',
  'cli.what.input': 'input',
  'cli.what.ruleTable': 'rule table',
  'cli.what.zones': 'zones',
  'cli.export.oneInput': 'give exactly one input file',
  'cli.export.formatOneOf': '--format must be one of {list}',
  'cli.export.crsOneOf': '--crs must be auto or one of {list}',
  'cli.export.encodingOneOf': '--encoding must be utf-8 or gbk',
  'cli.export.outputRequired': '-o <path> is required',
  'cli.export.nothingWritten': 'nothing written',
  'cli.export.wrote': 'wrote {path} ({format}, {crs})',
  'cli.import.oneFile': 'one file at a time (got {n})',
  'cli.import.noInput': 'no input file',
  'cli.import.outputRequired': '-o out.geojson is required',
  'cli.import.crsOneOf': '--crs must be one of {list}',
  'cli.import.encodingOneOf': '--encoding must be gbk or utf-8',
  'cli.import.runWithCrs': 'run again with --crs',
  'cli.import.how.prj': 'declared by the file',
  'cli.import.how.option': 'given with --crs',
  'cli.import.how.detected': 'detected from the coordinates',
  'cli.import.crs': 'CRS: {crs} ({name}), {how}',
  'cli.import.encoding': 'encoding: {encoding}',
  'cli.import.noEncoding': 'not applicable',
  'cli.import.written': '{n} features written to {path}',
  'cli.backup.noDatabase': 'no database at {path} (set HEJIE_DATA)',
  'cli.backup.failed': 'backup failed: {why}',
  'cli.backup.copyFails': 'backed up {source} to {target}, but the copy fails its check: {why}',
  'cli.backup.done': 'backed up {source} to {target}; integrity_check ok; schema version {version}',
  'cli.restore.refused': 'will not restore: {why}',
  'cli.restore.inUse': '{path} is open in another process (a running server?); stop it first',
  'cli.restore.kept': 'kept the previous database as {path}',
  'cli.restore.restored': 'restored {source} to {target} (schema version {version})',
  'cli.restore.fails': 'the restored file fails its check: {why}',
  'cli.restore.done': 'integrity_check ok; start the server to use it',
  'cli.restore.failed': 'restore failed: {why}',
  'cli.usage.zones': 'usage: zones <input.geojson> [-o out.geojson] [--rules rules.json]',
};
