import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { bboxOf } from '../domain/geo/bbox';
import type { MarkerKinds } from '../map/fetch-markers';
import type { Basemap } from '../map/hejie-map';
import { HejieMap } from '../map/hejie-map';
import { COLORS } from '../map/layers';
import { coveredEdges } from './covered-edges';
import type { MessageKey } from './i18n';
import { useLang } from './i18n';
import { setMapHandle } from './map-handle';

export interface MapPaneProps {
  bounds: [number, number, number, number];
  selectedId: string | null;
  /** Zoom to a box when asked (a register click), not when the map itself was clicked. */
  fitRequest: { bbox: [number, number, number, number]; n: number } | null;
  onSelect: (id: string | null) => void;
  tiandituKey: string | null;
  /** demo data: the sample reach's zones are drawn too, and the legend says so */
  demo: boolean;
  visible: boolean;
  /** the open plan's computed draft (not published), or null */
  draft: FeatureCollection | null;
}

const dot = (color: string): React.CSSProperties => ({
  background: color,
  width: 10,
  height: 10,
  borderRadius: '50%',
  boxShadow: `0 0 0 1.5px ${COLORS.markerCasing}`,
});

/** Legend entries of the published markers: only the kinds the map draws. */
function markerLegend(kinds: MarkerKinds): { key: MessageKey; style: React.CSSProperties }[] {
  return [
    ...(kinds.boundary ? [{ key: 'legendMarker' as const, style: dot(COLORS.marker) }] : []),
    ...(kinds.noticeBoard
      ? [{ key: 'legendNoticeBoard' as const, style: dot(COLORS.noticeBoard) }]
      : []),
  ];
}

declare global {
  interface Window {
    /** The map, for browser tests that assert what is drawn. */
    hejieMap?: HejieMap;
  }
}

/** The map with its layer switcher and legend. The only UI module that loads the map library. */
export default function MapPane(props: MapPaneProps) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<HejieMap | null>(null);
  const [basemap, setBasemap] = useState<Basemap>('offline');
  const [problem, setProblem] = useState<string | null>(null);
  const [markerKinds, setMarkerKinds] = useState<MarkerKinds>({
    boundary: false,
    noticeBoard: false,
  });
  // On a phone the map is small: controls start folded, one tap opens them.
  const [narrow] = useState(() => globalThis.matchMedia?.('(max-width: 800px)').matches ?? false);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  const tRef = useRef(t);
  tRef.current = t;

  // The map is created once per mount; later props are pushed by the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one map per mount; bounds is its start view
  useEffect(() => {
    if (!ref.current) return;
    const map = new HejieMap(ref.current, props.bounds, props.demo, {
      onSelect: (id) => onSelect.current(id),
      onBasemapError: ({ kind, status }) => {
        if (kind === 'rejected-key') {
          setProblem(tRef.current('tiandituRejected', { status }));
          setBasemap('offline');
        } else setProblem(tRef.current('tiandituUnreachable', { status }));
      },
      onDataError: (msg) => setProblem(tRef.current('mapLoadFailed', { msg })),
      onMarkers: setMarkerKinds,
    });
    mapRef.current = map;
    window.hejieMap = map;
    setMapHandle(map);
    map
      .whenReady()
      .catch((err: unknown) => setProblem(tRef.current('mapLoadFailed', { msg: String(err) })));
    return () => {
      map.destroy();
      mapRef.current = null;
      window.hejieMap = undefined;
      setMapHandle(null);
    };
  }, []);

  useEffect(() => mapRef.current?.setSelected(props.selectedId), [props.selectedId]);
  useEffect(() => {
    if (props.fitRequest) mapRef.current?.fitTo(props.fitRequest.bbox, coveredEdges(ref.current));
  }, [props.fitRequest]);
  useEffect(
    () => mapRef.current?.setBasemap(basemap, props.tiandituKey),
    [basemap, props.tiandituKey],
  );
  const hadDraft = useRef(false);
  useEffect(() => {
    mapRef.current?.setDraft(props.draft);
    // a first result is worth seeing: zoom to it unless it is in view (not to every recomputation
    // while lines are edited)
    const box = props.draft?.features.length ? bboxOf(props.draft) : null;
    if (box && !hadDraft.current && !mapRef.current?.shows(box)) {
      mapRef.current?.fitTo(box, coveredEdges(ref.current));
    }
    hadDraft.current = props.draft !== null;
  }, [props.draft]);
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
            key: 'legendDraft' as const,
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
      <div className="map-controls">
        <details className="layer-switcher" open={!narrow}>
          <summary>
            {t('layers')}
            {basemap === 'tianditu' ? ` · ${t('baseTianditu')}` : ''}
          </summary>
          <label>
            <input
              type="radio"
              name="basemap"
              checked={basemap === 'offline'}
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
              checked={basemap === 'tianditu'}
              onChange={() => {
                setProblem(null);
                setBasemap('tianditu');
              }}
            />
            {t('baseTianditu')}
          </label>
          {!props.tiandituKey && <p className="hint">{t('tiandituNoKey')}</p>}
        </details>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <details className="legend" open={!narrow}>
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
