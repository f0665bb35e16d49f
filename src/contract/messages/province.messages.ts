// Province scale (issue 15): the synthetic province (`hejie synth`), moving a store (`hejie store
// copy`) and PostgreSQL backups. Every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'synth.badPlans': '--plans 应为 1 至 100000 之间的整数（收到“{got}”）',
  'synth.badKm':
    '--km 应使每项计划平均 0.5 至 300 km：{plans} 项计划时为 {min} 至 {max}（收到“{got}”）',
  'synth.badSeed': '--seed 应为整数（收到“{got}”）',
  'synth.hasPlans':
    '目标库已有 {plans} 项计划：合成数据只能写入没有计划的库（计划只在首次初始化时写入），--force 也不例外',
  'synth.notEmpty':
    '目标库已有 {entries} 条审计记录（账号、设置等）；确认要在其中写入合成数据请加 --force',
  'synth.notPublishable': '合成计划 {plan} 无法发布：{why}',
  'synth.usage':
    'synth --plans <数量> --km <总河长 km> --seed <整数> (--out <SQLite 文件> | --to <postgres://…>) [--force]',
  'synth.done':
    '已写入合成省级数据（synthetic，仅供测试与基准）：{plans} 项计划，共 {km} km，其中 {published} 项已公告；{target}，用时 {seconds} 秒',
  'register.publishedTileAddress':
    '瓦片地址应为 /tiles/published/{z}/{x}/{y}.pbf，且 0 ≤ x, y < 2^z，z ≤ 22',
  'storeCopy.noTable':
    '源库与目标库的表不一致：表 {table} 只在一方存在（两者版本不同？请先用同一版本的 Hejie 打开源库）',
  'storeCopy.columns': '表 {table} 的列在两库中不一致：{columns}',
  'storeCopy.notEmpty': '目标库不是空的：表 {table} 已有 {rows} 行；store copy 只写入空库',
  'storeCopy.mismatch':
    '复制后核对失败：表 {table} 源库 {rows} 行，目标库读回 {got} 行或内容哈希不同；已全部回滚',
  'storeCopy.usage': 'store copy --from <SQLite 文件> --to <postgres://…>',
  'storeCopy.done':
    '已复制 {tables} 个表、共 {rows} 行：{from} → {to}，每表行数与哈希均一致（{seconds} 秒）',
  'storeCopy.table': '  {table}\t{rows} 行\t{hash}',
  'storeCopy.noSource': '源库 {path} 不存在',
  'cli.backup.pgDone': '已用 pg_dump -Fc 将 {source} 备份到 {target}，pg_restore --list 可读',
  'cli.restore.pgBusy': '{url} 仍有 {sessions} 个其他连接（应用实例在运行？），请先停止所有实例',
  'cli.restore.pgDone':
    '已用 pg_restore 将 {source} 恢复到 {url}（一个事务）；启动应用实例即可使用',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'synth.badPlans': '--plans must be a whole number from 1 to 100000 (got "{got}")',
  'synth.badKm':
    '--km must give 0.5 to 300 km per plan on average: {min} to {max} for {plans} plans (got "{got}")',
  'synth.badSeed': '--seed must be a whole number (got "{got}")',
  'synth.hasPlans':
    'the target store already holds {plans} plans: synthetic data only goes into a store without plans (plans are written only by the first seed), --force or not',
  'synth.notEmpty':
    'the target store already holds {entries} audit entries (accounts, settings…); add --force to write synthetic data into it',
  'synth.notPublishable': 'synthetic plan {plan} cannot be published: {why}',
  'synth.usage':
    'synth --plans <count> --km <total river km> --seed <integer> (--out <SQLite file> | --to <postgres://…>) [--force]',
  'synth.done':
    'wrote a synthetic province (synthetic, for tests and benchmarks only): {plans} plans, {km} km in all, {published} published; {target}, in {seconds} s',
  'register.publishedTileAddress':
    'a tile address is /tiles/published/{z}/{x}/{y}.pbf with 0 ≤ x, y < 2^z and z ≤ 22',
  'storeCopy.noTable':
    'the source and target tables differ: table {table} exists on one side only (different versions? open the source with this version of Hejie first)',
  'storeCopy.columns': 'the columns of table {table} differ between the stores: {columns}',
  'storeCopy.notEmpty':
    'the target is not empty: table {table} holds {rows} rows; store copy writes only into an empty database',
  'storeCopy.mismatch':
    'the check after copying failed: table {table} has {rows} rows in the source, {got} read back from the target, or a different hash; everything was rolled back',
  'storeCopy.usage': 'store copy --from <SQLite file> --to <postgres://…>',
  'storeCopy.done':
    'copied {tables} tables, {rows} rows: {from} → {to}; rows and hash agree for every table ({seconds} s)',
  'storeCopy.table': '  {table}\t{rows} rows\t{hash}',
  'storeCopy.noSource': 'the source store {path} does not exist',
  'cli.backup.pgDone':
    'backed up {source} to {target} with pg_dump -Fc; pg_restore --list reads it',
  'cli.restore.pgBusy':
    '{url} still has {sessions} other sessions (app instances running?); stop every instance first',
  'cli.restore.pgDone':
    'restored {source} into {url} with pg_restore (one transaction); start the app instances to use it',
};
