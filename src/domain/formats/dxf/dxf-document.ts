/** A DXF tag list: group code and value, written one per line as DXF wants. */
export type Tags = (string | number)[];

/** One layer of the drawing: name and AutoCAD colour index. */
export interface DxfLayer {
  name: string;
  color: number;
}

/** The drawing content handed to `dxfDocument`: layers, entity tags and the extents of the data. */
export interface DxfContent {
  layers: readonly DxfLayer[];
  /** entity tags (each entity starting with `0`, its handle and owner set by `entityHead`) */
  entities: Tags;
  /** [xmin, ymin, xmax, ymax] */
  extent: [number, number, number, number];
  /** first handle not used by the entities */
  nextHandle: number;
}

/** Fixed handles of the skeleton; entities start at FIRST_ENTITY_HANDLE. */
const H = {
  rootDict: 0xc,
  groupDict: 0xd,
  vportTable: 0x10,
  vport: 0x11,
  ltypeTable: 0x12,
  byBlock: 0x13,
  byLayer: 0x14,
  continuous: 0x15,
  layerTable: 0x16,
  styleTable: 0x17,
  style: 0x18,
  viewTable: 0x19,
  ucsTable: 0x1a,
  appidTable: 0x1b,
  appidAcad: 0x1c,
  appidHejie: 0x1d,
  dimTable: 0x1e,
  dimStandard: 0x1f,
  brTable: 0x20,
  brModel: 0x21,
  brPaper: 0x22,
  blockModel: 0x23,
  endModel: 0x24,
  blockPaper: 0x25,
  endPaper: 0x26,
  firstLayer: 0x30,
};

/** The handle of the *Model_Space block record, owner of every entity. */
const MODEL_SPACE = H.brModel;

/** Handles of entities start here (after the skeleton and up to 0x100 layers). */
export const FIRST_ENTITY_HANDLE = 0x200;

const hex = (h: number) => h.toString(16).toUpperCase();

/**
 * The common head of a model-space entity: type, handle, owner, layer.
 * @example entityHead('POINT', 0x200, 'JZD') // [0, 'POINT', 5, '200', 330, '21', 100, 'AcDbEntity', 8, 'JZD']
 */
export function entityHead(type: string, handle: number, layer: string): Tags {
  return [0, type, 5, hex(handle), 330, hex(MODEL_SPACE), 100, 'AcDbEntity', 8, layer];
}

function table(name: string, handle: number, entries: Tags[], extra: Tags = []): Tags {
  return [
    ...[0, 'TABLE', 2, name, 5, hex(handle), 330, 0, 100, 'AcDbSymbolTable', 70, entries.length],
    ...extra,
    ...entries.flat(),
    ...[0, 'ENDTAB'],
  ];
}

function record(type: string, handle: number, owner: number, subclass: string): Tags {
  const h = type === 'DIMSTYLE' ? 105 : 5;
  return [0, type, h, hex(handle), 330, hex(owner), 100, 'AcDbSymbolTableRecord', 100, subclass];
}

function ltype(handle: number, name: string, text: string): Tags {
  return [
    ...record('LTYPE', handle, H.ltypeTable, 'AcDbLinetypeTableRecord'),
    ...[2, name, 70, 0, 3, text, 72, 65, 73, 0, 40, 0],
  ];
}

function header(c: DxfContent): Tags {
  const [x0, y0, x1, y1] = c.extent;
  return [
    ...[0, 'SECTION', 2, 'HEADER', 9, '$ACADVER', 1, 'AC1021', 9, '$DWGCODEPAGE', 3, 'ANSI_936'],
    ...[9, '$INSUNITS', 70, 6, 9, '$MEASUREMENT', 70, 1, 9, '$HANDSEED', 5, hex(c.nextHandle)],
    ...[9, '$EXTMIN', 10, x0, 20, y0, 30, 0, 9, '$EXTMAX', 10, x1, 20, y1, 30, 0],
    ...[0, 'ENDSEC', 0, 'SECTION', 2, 'CLASSES', 0, 'ENDSEC'],
  ];
}

function tables(c: DxfContent): Tags {
  const [x0, y0, x1, y1] = c.extent;
  const height = Math.max(y1 - y0, (x1 - x0) / 1.5, 1) * 1.1;
  const layers = [{ name: '0', color: 7 }, ...c.layers].map((l, i) => [
    ...record('LAYER', H.firstLayer + i, H.layerTable, 'AcDbLayerTableRecord'),
    ...[2, l.name, 70, 0, 62, l.color, 6, 'Continuous', 370, -3],
  ]);
  const vport = [
    ...record('VPORT', H.vport, H.vportTable, 'AcDbViewportTableRecord'),
    ...[2, '*Active', 70, 0, 10, 0, 20, 0, 11, 1, 21, 1, 12, (x0 + x1) / 2, 22, (y0 + y1) / 2],
    ...[40, height, 41, 1.5],
  ];
  const appid = (h: number, name: string) => [
    ...record('APPID', h, H.appidTable, 'AcDbRegAppTableRecord'),
    ...[2, name, 70, 0],
  ];
  const br = (h: number, name: string) => [
    ...record('BLOCK_RECORD', h, H.brTable, 'AcDbBlockTableRecord'),
    2,
    name,
  ];
  return [
    ...[0, 'SECTION', 2, 'TABLES'],
    ...table('VPORT', H.vportTable, [vport]),
    ...table('LTYPE', H.ltypeTable, [
      ltype(H.byBlock, 'ByBlock', ''),
      ltype(H.byLayer, 'ByLayer', ''),
      ltype(H.continuous, 'Continuous', 'Solid line'),
    ]),
    ...table('LAYER', H.layerTable, layers),
    ...table('STYLE', H.styleTable, [
      [
        ...record('STYLE', H.style, H.styleTable, 'AcDbTextStyleTableRecord'),
        ...[2, 'Standard', 70, 0, 40, 0, 41, 1, 50, 0, 71, 0, 42, 2.5, 3, 'simplex.shx'],
        ...[4, 'gbcbig.shx'],
      ],
    ]),
    ...table('VIEW', H.viewTable, []),
    ...table('UCS', H.ucsTable, []),
    ...table('APPID', H.appidTable, [appid(H.appidAcad, 'ACAD'), appid(H.appidHejie, 'HEJIE')]),
    ...table(
      'DIMSTYLE',
      H.dimTable,
      [
        [
          ...record('DIMSTYLE', H.dimStandard, H.dimTable, 'AcDbDimStyleTableRecord'),
          2,
          'Standard',
          70,
          0,
        ],
      ],
      [100, 'AcDbDimStyleTable'],
    ),
    ...table('BLOCK_RECORD', H.brTable, [
      br(H.brModel, '*Model_Space'),
      br(H.brPaper, '*Paper_Space'),
    ]),
    ...[0, 'ENDSEC'],
  ];
}

function block(name: string, owner: number, begin: number, end: number, paper: boolean): Tags {
  const space = paper ? [67, 1] : [];
  return [
    ...[0, 'BLOCK', 5, hex(begin), 330, hex(owner), 100, 'AcDbEntity', ...space, 8, '0'],
    ...[100, 'AcDbBlockBegin', 2, name, 70, 0, 10, 0, 20, 0, 30, 0, 3, name, 1, ''],
    ...[0, 'ENDBLK', 5, hex(end), 330, hex(owner), 100, 'AcDbEntity', ...space, 8, '0'],
    ...[100, 'AcDbBlockEnd'],
  ];
}

function objects(): Tags {
  return [
    ...[0, 'SECTION', 2, 'OBJECTS'],
    ...[0, 'DICTIONARY', 5, hex(H.rootDict), 330, 0, 100, 'AcDbDictionary', 281, 1],
    ...[3, 'ACAD_GROUP', 350, hex(H.groupDict)],
    ...[0, 'DICTIONARY', 5, hex(H.groupDict), 330, hex(H.rootDict), 100, 'AcDbDictionary'],
    ...[281, 1, 0, 'ENDSEC'],
  ];
}

/**
 * A complete DXF R2007 (AC1021, UTF-8) drawing around the given entities: HEADER ($ACADVER,
 * $DWGCODEPAGE, $INSUNITS = 6 metres, $HANDSEED, extents), CLASSES, TABLES (VPORT, LTYPE, LAYER,
 * STYLE with a Chinese big font, VIEW, UCS, APPID HEJIE, DIMSTYLE, BLOCK_RECORD), BLOCKS, ENTITIES, OBJECTS.
 * @example dxfDocument({ layers: [{ name: 'JZD', color: 1 }], entities, extent, nextHandle })
 */
export function dxfDocument(c: DxfContent): string {
  const tags: Tags = [
    ...header(c),
    ...tables(c),
    ...[0, 'SECTION', 2, 'BLOCKS'],
    ...block('*Model_Space', H.brModel, H.blockModel, H.endModel, false),
    ...block('*Paper_Space', H.brPaper, H.blockPaper, H.endPaper, true),
    ...[0, 'ENDSEC', 0, 'SECTION', 2, 'ENTITIES'],
    ...c.entities,
    ...[0, 'ENDSEC'],
    ...objects(),
    ...[0, 'EOF'],
  ];
  const lines: string[] = [];
  for (let i = 0; i < tags.length; i += 2) lines.push(String(tags[i]), String(tags[i + 1]));
  return `${lines.join('\n')}\n`;
}
