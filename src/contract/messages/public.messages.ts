// Messages of the public river page and notice: map status, counties, reach ends, counts (issue 19).
// Codes are `public.<what>`; every code has both languages (the type of `en` enforces it).

/** Chinese (zh-CN), the first language. */
export const zh = {
  'public.markers.count': '界桩 {boundary} 个、公告牌 {boards} 块',
  'public.mapStatus.publishedZone': '已上图（已公告范围）',
  'public.mapStatus.openData': '已上图（开放数据）',
  'public.mapStatus.schematic': '已上图（示意，非实测）',
  'public.mapStatus.unmapped': '未上图',
  'public.mapStatus.short.publishedZone': '公告范围',
  'public.mapStatus.short.openData': '开放数据',
  'public.mapStatus.short.schematic': '示意',
  'public.end.outside': '钦州市四县区以外',
  'public.end.chainage': '{county}，里程 {k}',
  'public.end.at': '{county}，{name}',
  'public.end.nearKm': '{county}，{name}{direction}约 {d} km',
  'public.end.nearM': '{county}，{name}{direction}约 {d} m',
  'public.direction.N': '北',
  'public.direction.NE': '东北',
  'public.direction.E': '东',
  'public.direction.SE': '东南',
  'public.direction.S': '南',
  'public.direction.SW': '西南',
  'public.direction.W': '西',
  'public.direction.NW': '西北',
  'public.class.n': '{n}级',
  'public.class.below4': '4级以下',
  'public.standard.toe':
    '有堤防河道（{class}堤防）：管理范围为两岸堤防之间的水域、沙洲、滩地、行洪区、两岸堤防及护堤地，护堤地为堤防背水坡脚线以外 {width} 米（标准 {min}—{max} 米）',
  'public.standard.bank':
    '无堤防河道：管理范围至岸线以外 {width} 米（本局取值范围 {min}—{max} 米）',
  'public.standard.protection': '堤防安全保护区：管理范围线以外 {width} 米（标准 {min}—{max} 米）',
  'public.counties.none': '不在钦州市四县区内',
  'public.counties.fromZone': '据公告范围',
  'public.page.title': '{river} 管理范围 · 钦州市江河湖库管理范围划定 · 河界',
  'public.page.siteTitle': '河界 · 钦州市江河湖库管理范围划定',
  'public.page.published':
    '{river}管理范围划定成果已公告（第 {version} 版，{date}），涉及{counties}。{status}。',
  'public.page.notPublished': '{river}管理范围划定：{stage}，尚未公告。{status}。',
  'public.page.notFound': '未找到名为“{name}”的河流或水库',
  'public.page.notFoundHint': '请检查链接，或返回首页在计划表中查找。',
  'public.page.home': '返回首页',
} as const satisfies Record<string, string>;

/** English. */
export const en: { readonly [K in keyof typeof zh]: string } = {
  'public.markers.count': 'boundary markers: {boundary}, notice boards: {boards}',
  'public.mapStatus.publishedZone': 'On the map (published boundary)',
  'public.mapStatus.openData': 'On the map (open data)',
  'public.mapStatus.schematic': 'On the map (schematic, not surveyed)',
  'public.mapStatus.unmapped': 'Not mapped',
  'public.mapStatus.short.publishedZone': 'Published',
  'public.mapStatus.short.openData': 'Open data',
  'public.mapStatus.short.schematic': 'Schematic',
  'public.end.outside': 'outside the four counties of Qinzhou',
  'public.end.chainage': '{county}, chainage {k}',
  'public.end.at': '{county}, at {name}',
  'public.end.nearKm': '{county}, about {d} km {direction} of {name}',
  'public.end.nearM': '{county}, about {d} m {direction} of {name}',
  'public.direction.N': 'north',
  'public.direction.NE': 'north-east',
  'public.direction.E': 'east',
  'public.direction.SE': 'south-east',
  'public.direction.S': 'south',
  'public.direction.SW': 'south-west',
  'public.direction.W': 'west',
  'public.direction.NW': 'north-west',
  'public.class.n': 'class {n}',
  'public.class.below4': 'below class 4',
  'public.standard.toe':
    'Embanked river ({class} embankment): the water, sandbars, floodplain and flood-way between the embankments, the embankments and the land {width} m beyond the landside toe line (standard {min}–{max} m)',
  'public.standard.bank':
    'River without embankments: {width} m beyond the bank line (the bureau’s range {min}–{max} m)',
  'public.standard.protection':
    'Embankment protection zone: {width} m beyond the management line (standard {min}–{max} m)',
  'public.counties.none': 'outside the four counties of Qinzhou',
  'public.counties.fromZone': 'from the published boundary',
  'public.page.title': '{river} management range · Qinzhou river boundaries · Hejie',
  'public.page.siteTitle': 'Hejie · Qinzhou river management boundaries',
  'public.page.published':
    'The management range of {river} is published (version {version}, {date}), in {counties}. {status}.',
  'public.page.notPublished': 'Management range of {river}: {stage}, not published yet. {status}.',
  'public.page.notFound': 'No river or reservoir named “{name}”',
  'public.page.notFoundHint': 'Check the link, or look it up in the register on the home page.',
  'public.page.home': 'Home',
};
