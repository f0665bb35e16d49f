import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { bboxOf } from '../domain/geo/bbox';
import { CLICKABLE_LAYERS, LAYERS, LOCAL_FONTS, NO_SELECTION, OFFLINE_BASE_LAYERS } from './layers';
import { isRejectedKeyStatus, tiandituSource } from './tianditu';

maplibregl.setWorkerUrl(workerUrl);

const CLICK_TOLERANCE_PX = 6;

/** Where the map data comes from and who to credit. */
const SOURCES: Record<string, { file: string; attribution: string }> = {
  sea: { file: 'sea.geojson', attribution: '海岸线 GSHHG 2.3.7 (LGPL)' },
  counties: { file: 'counties.geojson', attribution: '县区界 © 高德 AMap（非开放数据，示意用）' },
  'county-labels': { file: 'county-labels.geojson', attribution: '' },
  coast: { file: 'coast.geojson', attribution: '' },
  water: { file: 'water.geojson', attribution: '水面 © OpenStreetMap contributors (ODbL)' },
  rivers: { file: 'rivers.geojson', attribution: '河流 WDB II (GSHHG)' },
};

/** The base under the vector layers. */
export type Basemap = 'offline' | 'tianditu';

/** What the map tells its owner. */
export interface HejieMapEvents {
  /** A river or reservoir was clicked (its waterbody id), or empty map (null). */
  onSelect?: (waterbodyId: string | null) => void;
  /** The imagery failed: the key was refused, or tiles could not be loaded. */
  onBasemapError?: (problem: { kind: 'rejected-key' | 'unreachable'; status: number }) => void;
}

/**
 * The map as one imperative object with a narrow data API (Placemark's PMap): the UI creates it
 * once and pushes state in; setters return early when nothing changed.
 */
export class HejieMap {
  private readonly map: maplibregl.Map;
  private readonly data = new Map<string, FeatureCollection>();
  private selected: string | null = null;
  private basemap: Basemap = 'offline';
  private tiandituKey: string | null = null;
  private loaded = false;
  private readonly ready: Promise<void>;

  constructor(
    container: HTMLElement,
    bounds: [number, number, number, number],
    private readonly events: HejieMapEvents = {},
    geodataBase = '/geodata/',
  ) {
    container.dataset.idle = '0';
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources: {}, layers: [] },
      bounds,
      fitBoundsOptions: { padding: 20 },
      localIdeographFontFamily: LOCAL_FONTS,
      attributionControl: { compact: true },
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('idle', () => {
      // The empty initial style goes idle before the data is in: only a loaded map counts.
      if (!this.loaded) return;
      container.dataset.idle = '1';
      container.dispatchEvent(new CustomEvent('hejie:idle', { bubbles: true }));
    });
    this.map.on('dataloading', () => {
      container.dataset.idle = '0';
    });
    this.map.on('error', (e) => this.handleError(e));
    this.ready = this.load(geodataBase);
  }

  private async load(base: string): Promise<void> {
    const entries = await Promise.all(
      Object.entries(SOURCES).map(async ([id, s]) => {
        const res = await fetch(base + s.file);
        if (!res.ok) throw new Error(`map data ${s.file}: HTTP ${res.status}`);
        return [id, (await res.json()) as FeatureCollection] as const;
      }),
    );
    if (!this.map.isStyleLoaded()) await new Promise((r) => this.map.once('load', r));
    for (const [id, fc] of entries) {
      this.data.set(id, fc);
      const attribution = SOURCES[id]?.attribution;
      this.map.addSource(id, {
        type: 'geojson',
        data: fc,
        ...(attribution ? { attribution } : {}),
      });
    }
    for (const layer of LAYERS) this.map.addLayer(layer);
    this.map.on('click', (e) => {
      // A box, not a point: a 2 px river line must be hittable by a finger on a phone.
      const { x, y } = e.point;
      const box: [[number, number], [number, number]] = [
        [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
        [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
      ];
      const hits = this.map.queryRenderedFeatures(box, { layers: CLICKABLE_LAYERS });
      const named = hits.find((f) => f.properties?.riverId ?? f.properties?.waterbodyId);
      const p = named?.properties ?? {};
      this.events.onSelect?.((p.riverId ?? p.waterbodyId ?? null) as string | null);
    });
    for (const layer of CLICKABLE_LAYERS) {
      this.map.on('mouseenter', layer, () => {
        this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        this.map.getCanvas().style.cursor = '';
      });
    }
    this.applySelection();
    this.applyBasemap();
    this.loaded = true;
  }

  /** Resolves when the data is on the map; rejects when a map file could not be loaded. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Highlights a waterbody (river line or reservoir polygon); null clears. */
  setSelected(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.applySelection();
  }

  /** Zooms to a waterbody; false when it has no geometry on the map. */
  fitTo(id: string): boolean {
    const features = [
      ...(this.data.get('rivers')?.features ?? []),
      ...(this.data.get('water')?.features ?? []),
    ].filter((f) => f.properties?.riverId === id || f.properties?.waterbodyId === id);
    if (features.length === 0) return false;
    const box = bboxOf({ type: 'FeatureCollection', features });
    this.map.fitBounds(box, { padding: 48, maxZoom: 13, duration: 600 });
    return true;
  }

  /** Switches the base map; 天地图 needs a key. */
  setBasemap(basemap: Basemap, key: string | null): void {
    if (basemap === this.basemap && key === this.tiandituKey) return;
    this.basemap = basemap;
    this.tiandituKey = key;
    if (this.map.getLayer('background')) this.applyBasemap();
  }

  /** Calls back after the next render settles. */
  onceIdle(): Promise<void> {
    return new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  /** Waterbody ids drawn on screen in a layer: what tests assert instead of DOM text. */
  renderedIds(layer: string): string[] {
    if (!this.map.getLayer(layer)) return [];
    const ids = this.map
      .queryRenderedFeatures({ layers: [layer] })
      .map((f) => (f.properties?.riverId ?? f.properties?.waterbodyId) as string | undefined);
    return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  }

  /** Screen position of a lon/lat in the map container, in CSS pixels. */
  project(lngLat: [number, number]): [number, number] {
    const p = this.map.project(lngLat);
    return [p.x, p.y];
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.map.remove();
  }

  private applySelection(): void {
    if (!this.map.getLayer('selected-river')) return;
    const id = this.selected ?? NO_SELECTION;
    this.map.setFilter('selected-river', ['==', ['get', 'riverId'], id]);
    this.map.setFilter('selected-water', ['==', ['get', 'waterbodyId'], id]);
  }

  private applyBasemap(): void {
    const on = this.basemap === 'tianditu' && this.tiandituKey !== null;
    for (const layer of ['tianditu-cia', 'tianditu-img']) {
      if (this.map.getLayer(layer)) this.map.removeLayer(layer);
      if (this.map.getSource(layer)) this.map.removeSource(layer);
    }
    for (const layer of OFFLINE_BASE_LAYERS) {
      this.map.setLayoutProperty(layer, 'visibility', on ? 'none' : 'visible');
    }
    if (!on || !this.tiandituKey) return;
    this.map.addSource('tianditu-img', tiandituSource('img', this.tiandituKey));
    this.map.addSource('tianditu-cia', tiandituSource('cia', this.tiandituKey));
    this.map.addLayer({ id: 'tianditu-img', type: 'raster', source: 'tianditu-img' }, 'water');
    this.map.addLayer({ id: 'tianditu-cia', type: 'raster', source: 'tianditu-cia' }, 'water');
  }

  private handleError(e: maplibregl.ErrorEvent & { sourceId?: string }): void {
    const status = (e.error as { status?: number } | undefined)?.status ?? 0;
    if (e.sourceId?.startsWith('tianditu')) {
      this.events.onBasemapError?.({
        kind: isRejectedKeyStatus(status) ? 'rejected-key' : 'unreachable',
        status,
      });
      return;
    }
    console.error(e.error);
  }
}
