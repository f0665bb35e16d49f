import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type BBox, bboxOf } from '../domain/geo/bbox';
import { COURSE_COLORS } from '../map/course-layers';
import type { MarkerKinds } from '../map/fetch-markers';
import type { Basemap, MapAttributions } from '../map/hejie-map';
import { HejieMap } from '../map/hejie-map';
import { COLORS } from '../map/layers';
import { coveredEdges, MIN_FREE_PX } from './covered-edges';
import type { MessageKey, T } from './i18n';
import { useLang } from './i18n';
import { ImageryOptions, overlayOf, useImageryLayers } from './imagery/imagery-options';
import { useIt } from './imagery/messages-imagery';
import { useLive } from './live/use-live';
import { CursorReadout } from './map-tools/cursor-readout';
import { FeatureCard } from './map-tools/feature-card';
import { GoToBox } from './map-tools/go-to-box';
import { MeasureTool } from './map-tools/measure-tool';

export interface MapPaneProps {
  bounds: [number, number, number, number];
  selectedId: string | null;
  /**
   * Zoom when asked (a register click, a shared URL), not when the map itself was clicked: to the
   * river's box, or else to the published zones of its plans (a river with no course on the map).
   */
  fitRequest: FitRequest | null;
  onSelect: (id: string | null) => void;
  tiandituKey: string | null;
  /** demo data: the sample reach's zones are drawn too, and the legend says so */
  demo: boolean;
  /** the published zones and markers as one GeoJSON each, or as vector tiles (GET /api/config) */
  publishedLayer: 'geojson' | 'tiles';
  visible: boolean;
  /** the open plan's computed draft (not published), or null */
  draft: FeatureCollection | null;
  /** a workspace's draft (草稿) or the zones of a plan on public display (公示中) */
  draftKind?: 'draft' | 'display';
  /** the map once created, null once destroyed: the app gives it to the panels (./map-handle.ts) */
  onMap: (map: HejieMap | null) => void;
  /** fold the layer list and legend each time this count changes (a drawing tool needs the map) */
  foldRequest: number;
  /** reload the river courses (河道底图) each time this count changes (a login, an import) */
  coursesRevision?: number;
  /** staff read X/Y of the cursor (permissions: `readsGridCoordinates`) */
  staff: boolean;
  /** a river's display name by its id (钦江), for the feature card; null when unknown */
  riverName: (id: string | null) => string | null;
}

/** Which of the map's boxes are open: the tools (定位, 测量), the layer list, the legend. */
type Folds = { tools: boolean; layers: boolean; legend: boolean };

/** The layer list's and legend's open state, remembered per form factor (desk, phone). */
function storedFolds(narrow: boolean): Folds {
  // the tools start folded: open, they cover the strip of map beside a plan's panel
  const fallback = { tools: false, layers: !narrow, legend: !narrow };
  try {
    const v = JSON.parse(
      globalThis.localStorage?.getItem(foldKey(narrow)) ?? 'null',
    ) as Partial<Folds> | null;
    return v && typeof v.layers === 'boolean' && typeof v.legend === 'boolean'
      ? { tools: v.tools === true, layers: v.layers, legend: v.legend }
      : fallback;
  } catch {
    return fallback;
  }
}
const foldKey = (narrow: boolean) => `hejie.mapControls.${narrow ? 'phone' : 'desk'}`;

/** Where to zoom: a box, or the published zones of some plans when there is no box. */
export interface FitRequest {
  bbox: [number, number, number, number] | null;
  planIds?: readonly string[];
  n: number;
}

/** Closest zoom for a zone or a draft (a 1 km reach fills the view; markers are numbered from 15). */
const ZONE_MAX_ZOOM = 16;

const dot = (color: string): React.CSSProperties => ({
  background: color,
  width: 10,
  height: 10,
  borderRadius: '50%',
  boxShadow: `0 0 0 1.5px ${COLORS.markerCasing}`,
});

/** Legend entries of the published markers: only the kinds the map draws. */
/** The map's credits in the UI's language. */
function attributionsOf(t: T, demo: boolean): MapAttributions {
  return { base: t('attrBase'), zones: t(demo ? 'attrZonesDemo' : 'attrZones') };
}

function markerLegend(kinds: MarkerKinds): { key: MessageKey; style: React.CSSProperties }[] {
  return [
    ...(kinds.boundary ? [{ key: 'legendMarker' as const, style: dot(COLORS.marker) }] : []),
    ...(kinds.noticeBoard
      ? [{ key: 'legendNoticeBoard' as const, style: dot(COLORS.noticeBoard) }]
      : []),
  ];
}

/** The map with its layer switcher and legend. The only UI module that loads the map library. */
export default function MapPane(props: MapPaneProps) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<HejieMap | null>(null);
  // a publication pushed to the page (GET /api/events) redraws the published zones and markers
  useLive((e) => {
    if (e.change === 'published') void mapRef.current?.reloadPublished();
    // imagery added or made public elsewhere: the layer switcher lists it
    if (e.change === 'basedata') imagery.refresh();
  });
  const it = useIt();
  // 'offline', 'tianditu' or 'imagery:<id>' (an imagery layer over the offline base map)
  const [choice, setBasemap] = useState<string>('offline');
  const basemap: Basemap = choice === 'tianditu' ? 'tianditu' : 'offline';
  const imagery = useImageryLayers();
  const imageryLayer = imagery.layers.find((l) => `imagery:${l.id}` === choice) ?? null;
  const [problem, setProblem] = useState<string | null>(null);
  const [hasCourses, setHasCourses] = useState(false);
  const [markerKinds, setMarkerKinds] = useState<MarkerKinds>({
    boundary: false,
    noticeBoard: false,
  });
  // On a phone the map is small: controls start folded, one tap opens them.
  const [narrow] = useState(() => globalThis.matchMedia?.('(max-width: 800px)').matches ?? false);
  // the layer switcher and the legend: open on a desk, folded on a phone and when a zoom needs the room
  const [open, setOpen] = useState(() => storedFolds(narrow));
  const [hejie, setHejie] = useState<HejieMap | null>(null);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  const tRef = useRef(t);
  tRef.current = t;

  // The map is created once per mount; later props are pushed by the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one map per mount; bounds is its start view, onMap the app's stable owner
  useEffect(() => {
    if (!ref.current) return;
    const map = new HejieMap(
      ref.current,
      props.bounds,
      {
        onSelect: (id) => onSelect.current(id),
        onBasemapError: ({ kind, status }) => {
          if (kind === 'rejected-key') {
            setProblem(tRef.current('tiandituRejected', { status }));
            setBasemap('offline');
          } else setProblem(tRef.current('tiandituUnreachable', { status }));
        },
        onDataError: (msg) => setProblem(tRef.current('mapLoadFailed', { msg })),
        onMarkers: setMarkerKinds,
        onCourses: setHasCourses,
      },
      attributionsOf(tRef.current, props.demo),
      props.publishedLayer,
    );
    mapRef.current = map;
    setHejie(map);
    props.onMap(map);
    map
      .whenReady()
      .catch((err: unknown) => setProblem(tRef.current('mapLoadFailed', { msg: String(err) })));
    return () => {
      map.destroy();
      mapRef.current = null;
      setHejie(null);
      props.onMap(null);
    };
  }, []);

  // The credits follow the UI's language.
  useEffect(() => {
    mapRef.current?.setAttributions(attributionsOf(t, props.demo));
  }, [t, props.demo]);

  // A drawing tool asks for the whole map: each new request folds the controls.
  const folds = useRef(props.foldRequest);
  useEffect(() => {
    if (props.foldRequest === folds.current) return;
    folds.current = props.foldRequest;
    setOpen({ tools: false, layers: false, legend: false });
  }, [props.foldRequest]);

  // Zooms clear of the side panel and of the map's own controls; when the open controls would leave
  // too little room beside them, they fold instead (one tap opens them again).
  const openRef = useRef(open);
  openRef.current = open;
  const fitClear = useCallback((bbox: BBox, maxZoom?: number) => {
    const map = mapRef.current;
    const el = ref.current;
    if (!map || !el) return;
    const edges = coveredEdges(el);
    const controls = el.parentElement?.querySelector('.map-controls');
    const anyOpen = openRef.current.tools || openRef.current.layers || openRef.current.legend;
    if (anyOpen && controls && edges.bottom === undefined) {
      const m = el.getBoundingClientRect();
      const left = controls.getBoundingClientRect().right - m.left;
      if (m.width - (edges.right ?? 0) - left >= MIN_FREE_PX) edges.left = left;
      else setOpen({ tools: false, layers: false, legend: false });
    }
    map.fitTo(bbox, edges, maxZoom);
  }, []);

  // the courses the session sees: after the first paint, and again after a login or an import
  useEffect(() => {
    void props.coursesRevision;
    mapRef.current?.reloadCourses().catch(() => undefined); // a failure is shown by onDataError
  }, [props.coursesRevision]);
  // what the person opened or folded stays so on the next visit (the tools' automatic folds too)
  useEffect(() => localStorage.setItem(foldKey(narrow), JSON.stringify(open)), [open, narrow]);

  useEffect(() => mapRef.current?.setSelected(props.selectedId), [props.selectedId]);
  useEffect(() => {
    const map = mapRef.current;
    const request = props.fitRequest;
    if (!map || !request) return;
    if (request.bbox) fitClear(request.bbox);
    else if (request.planIds?.length) {
      map
        .publishedBbox(request.planIds)
        .then((b) => b && fitClear(b, ZONE_MAX_ZOOM))
        .catch(() => undefined); // the map's load failure is shown by whenReady
    }
  }, [props.fitRequest, fitClear]);
  useEffect(
    () => mapRef.current?.setBasemap(basemap, props.tiandituKey),
    [basemap, props.tiandituKey],
  );
  useEffect(
    () => mapRef.current?.setImagery(imageryLayer ? overlayOf(imageryLayer, it) : null),
    [imageryLayer, it],
  );
  const hadDraft = useRef(false);
  useEffect(() => {
    mapRef.current?.setDraft(props.draft);
    // a first result is worth seeing: zoom to it unless it is in view (not to every recomputation
    // while lines are edited: the map must not move under the planner's hand)
    const box = props.draft?.features.length ? bboxOf(props.draft) : null;
    if (box && !hadDraft.current && !mapRef.current?.shows(box)) fitClear(box, ZONE_MAX_ZOOM);
    hadDraft.current = props.draft !== null;
  }, [props.draft, fitClear]);
  useEffect(() => {
    if (props.visible) mapRef.current?.resize();
  }, [props.visible]);

  const legend: { key: MessageKey; style: React.CSSProperties }[] = [
    {
      key: 'legendCounty',
      style: {
        background: COLORS.county,
        height: 2,
        boxShadow: `0 0 0 1px ${COLORS.countyCasing}`,
      },
    },
    {
      key: 'legendSea',
      style: { background: COLORS.sea, borderBottom: `2px solid ${COLORS.coast}` },
    },
    { key: 'legendNamedRiver', style: { background: COLORS.riverNamed, height: 4 } },
    { key: 'legendRiver', style: { background: COLORS.river, height: 2 } },
    { key: 'legendSchematic', style: { borderTop: `2px dashed ${COLORS.riverNamed}`, height: 0 } },
    { key: 'legendWater', style: { background: COLORS.water } },
    { key: 'legendReservoir', style: { background: COLORS.reservoir } },
    ...(hasCourses
      ? [
          {
            key: 'legendCourse' as const,
            style: {
              background: `${COURSE_COLORS.water}73`,
              borderTop: `2px dashed ${COURSE_COLORS.line}`,
              borderBottom: `1.5px solid ${COURSE_COLORS.line}`,
            },
          },
        ]
      : []),
    { key: 'legendSelected', style: { background: COLORS.selected, height: 4 } },
    {
      key: props.demo ? 'legendManagementDemo' : 'legendManagement',
      style: {
        background: `${COLORS.management}59`,
        border: `1.5px solid ${COLORS.managementLine}`,
      },
    },
    {
      key: props.demo ? 'legendProtectionDemo' : 'legendProtection',
      style: { background: `${COLORS.protection}59`, border: `1px solid ${COLORS.protectionLine}` },
    },
    ...markerLegend(markerKinds),
    ...(props.draft
      ? [
          {
            key:
              props.draftKind === 'display' ? ('legendDisplay' as const) : ('legendDraft' as const),
            style: {
              background: `${COLORS.management}4d`,
              border: `2px dashed ${COLORS.managementLine}`,
            },
          },
        ]
      : []),
  ];

  return (
    <div className="map-pane">
      <div ref={ref} className="map" data-testid="map" />
      {hejie && <CursorReadout map={hejie} staff={props.staff} />}
      {hejie && <FeatureCard map={hejie} riverName={props.riverName} />}
      <div className="map-controls">
        <details
          className="map-tools-box"
          open={open.tools}
          onToggle={(e) => {
            const now = e.currentTarget.open;
            setOpen((o) => (o.tools === now ? o : { ...o, tools: now }));
          }}
        >
          <summary>{t('mapTools')}</summary>
          {hejie && <GoToBox map={hejie} />}
          {hejie && (
            <MeasureTool
              map={hejie}
              onStart={() => narrow && setOpen((o) => ({ ...o, layers: false, legend: false }))}
            />
          )}
        </details>
        <details
          className="layer-switcher"
          open={open.layers}
          onToggle={(e) => {
            const now = e.currentTarget.open;
            // a login since the last look may show more imagery
            if (now) imagery.refresh();
            setOpen((o) => (o.layers === now ? o : { ...o, layers: now }));
          }}
        >
          <summary>
            {t('layers')}
            {basemap === 'tianditu' ? ` · ${t('baseTianditu')}` : ''}
            {imageryLayer ? ` · ${imageryLayer.name}` : ''}
          </summary>
          <label>
            <input
              type="radio"
              name="basemap"
              checked={choice === 'offline'}
              onChange={() => setBasemap('offline')}
            />
            {t('baseOffline')}
          </label>
          <label
            className={props.tiandituKey ? '' : 'disabled'}
            title={props.tiandituKey ? '' : t('tiandituNoKey')}
          >
            <input
              type="radio"
              name="basemap"
              disabled={!props.tiandituKey}
              checked={choice === 'tianditu'}
              onChange={() => {
                setProblem(null);
                setBasemap('tianditu');
              }}
            />
            {t('baseTianditu')}
          </label>
          {!props.tiandituKey && <p className="hint">{t('tiandituNoKey')}</p>}
          <ImageryOptions layers={imagery.layers} choice={choice} onChoose={setBasemap} />
        </details>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <details
          className="legend"
          open={open.legend}
          onToggle={(e) => {
            const now = e.currentTarget.open;
            setOpen((o) => (o.legend === now ? o : { ...o, legend: now }));
          }}
        >
          <summary>{t('legend')}</summary>
          <ul>
            {legend.map((l) => (
              <li key={l.key}>
                <span className="swatch" style={l.style} />
                {t(l.key)}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}
