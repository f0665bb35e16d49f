import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { PUBLISHED_TILES } from '../contract/plans';
import { type BBox, bboxOf } from '../domain/geo/bbox';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Position } from 'geojson';
import { courseLines, fetchCourses, showCourses } from './course-layers';
import { DRAFT_LAYERS, DRAFT_SOURCE } from './draft-layers';
import { fetchMarkers, type MarkerKinds, markerKinds } from './fetch-markers';
import { type ImageryOverlay, showImagery } from './imagery';
import {
  BASE_SOURCE,
  LAYERS,
  LOCAL_FONTS,
  MARKER_LAYERS,
  MARKERS_SOURCE,
  selectionFilters,
  ZONES_SOURCE,
} from './layers';
import {
  loadedFeatures,
  loadedMarkerKinds,
  onPublishedTiles,
  publishedTileSource,
  reloadPublishedTiles,
} from './published-tiles';
import { selectOnClick } from './select-on-click';
import { isRejectedKeyStatus, showBasemap } from './tianditu';

maplibregl.setWorkerUrl(workerUrl);
// Boot the worker (a 500 kB script) now, while React renders, not when the map is constructed:
// measured 2.2 s → see bench; the worker's start-up was on the critical path to the first idle.
maplibregl.prewarm();

/** The base under the vector layers. */
export type Basemap = 'offline' | 'tianditu';

/** What the map tells its owner. */
/** The data sources' credits, in the UI's language (the UI's catalog says them). */
export interface MapAttributions {
  base: string;
  zones: string;
}

export interface HejieMapEvents {
  /** A river or reservoir was clicked (its waterbody id), or empty map (null). */
  onSelect?: (waterbodyId: string | null) => void;
  /** The imagery failed: the key was refused, or tiles could not be loaded. */
  onBasemapError?: (problem: { kind: 'rejected-key' | 'unreachable'; status: number }) => void;
  /** A map data file could not be loaded. */
  onDataError?: (message: string) => void;
  /** Published markers were drawn: which kinds there are (never called when there are none). */
  onMarkers?: (present: MarkerKinds) => void;
  /** The river courses the caller sees were (re)drawn: whether there are any (河道底图). */
  onCourses?: (present: boolean) => void;
}

/**
 * The map as one imperative object with a narrow data API (Placemark's PMap): the UI creates it
 * once and pushes state in; setters return early when nothing changed.
 */
export class HejieMap {
  private readonly map: maplibregl.Map;
  private attribution = new maplibregl.AttributionControl({ compact: true });
  private selected: string | null = null;
  private basemap: Basemap = 'offline';
  private tiandituKey: string | null = null;
  private imagery: ImageryOverlay | null = null;
  private loaded = false;
  private draft: FeatureCollection | null = null;
  private courses: Position[][] = [];
  private coursesLoad: Promise<void> = Promise.resolve();
  /** false while a draw session owns the map's clicks */
  private readonly ready: Promise<void>;
  private readonly markers: Promise<void>;

  constructor(
    container: HTMLElement,
    bounds: [number, number, number, number],
    private readonly events: HejieMapEvents = {},
    private attributions: MapAttributions = { base: '', zones: '' },
    /** how the published zones and markers are read (GET /api/config `publishedLayer`) */
    private readonly publishedLayer: 'geojson' | 'tiles' = 'geojson',
  ) {
    container.dataset.idle = '0';
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources: {}, layers: [] },
      bounds,
      fitBoundsOptions: { padding: 20 },
      localIdeographFontFamily: LOCAL_FONTS,
      attributionControl: false,
      maxZoom: 18,
      fadeDuration: 0,
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
    // Fetched after the first idle and added only when there are any: a fresh demo has no
    // publication, and its first paint must pay neither for an empty source and two more shaders nor
    // for a request among the tiles' (measured: fetched alongside the style, +40 ms to the first idle).
    this.ready = this.load();
    this.markers = this.ready
      .then(
        () =>
          new Promise<void>((resolve) => {
            if (container.dataset.idle === '1') resolve();
            else this.map.once('idle', () => resolve());
          }),
      )
      .then(() => (this.publishedLayer === 'tiles' ? this.tiledMarkers() : fetchMarkers()))
      .then(
        (fc) => {
          if (fc) this.addMarkers(fc);
        },
        // a failed load is reported through whenReady; without a style there is nothing to add to
        () => undefined,
      );
  }

  /** The tiles carry the markers: only the legend is told which kinds the first view shows. */
  private tiledMarkers(): null {
    const kinds = loadedMarkerKinds(this.map);
    if (kinds.boundary || kinds.noticeBoard) this.events.onMarkers?.(kinds);
    return null;
  }

  private addMarkers(fc: FeatureCollection | { error: string }): void {
    if ('error' in fc) {
      this.events.onDataError?.(fc.error);
      return;
    }
    if (fc.features.length === 0) return;
    this.map.addSource(MARKERS_SOURCE, { type: 'geojson', data: fc });
    for (const layer of MARKER_LAYERS) this.map.addLayer(layer);
    this.events.onMarkers?.(markerKinds(fc));
  }

  private async load(): Promise<void> {
    if (!this.map.isStyleLoaded()) await new Promise((r) => this.map.once('load', r));
    // A URL, not an object: the worker fetches and parses the GeoJSON off the main thread.
    // Vector tiles cut by the server: the worker decodes a few small tiles instead of parsing and
    // tiling the whole base map (measured below in bench: page load → map idle).
    this.map.addSource(BASE_SOURCE, {
      type: 'vector',
      tiles: [`${new URL('/tiles/base/', location.href).href}{z}/{x}/{y}.pbf`],
      maxzoom: 14,
      attribution: this.attributions.base,
    });
    // a province's published layer comes as vector tiles (the server decides: src/server/published-layer.ts)
    const tiled = this.publishedLayer === 'tiles' ? onPublishedTiles(LAYERS) : null;
    this.map.addSource(
      ZONES_SOURCE,
      tiled
        ? publishedTileSource(this.attributions.zones)
        : {
            type: 'geojson',
            data: new URL('/api/zones', location.href).href,
            attribution: this.attributions.zones,
          },
    );
    this.addAttribution();
    for (const layer of tiled ? [...tiled.layers, ...tiled.markers] : LAYERS)
      this.map.addLayer(layer);
    selectOnClick(this.map, (id) => this.events.onSelect?.(id));
    this.applySelection();
    this.applyBasemap();
    this.loaded = true;
  }

  /** Resolves when the data is on the map; rejects when a map file could not be loaded. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * The maplibre map once the data is on it, for the other modules of `src/map` (drawing, field
   * tools) that add their own sources and layers; nothing outside `src/map` calls this.
   */
  async mapWhenReady(): Promise<maplibregl.Map> {
    await this.ready;
    return this.map;
  }

  /**
   * (Re)loads the bureau's river courses the session sees (GET /api/courses) once the map is idle:
   * after the first paint, a login or logout, an import or a change of the public flag.
   */
  reloadCourses(): Promise<void> {
    this.coursesLoad = this.markers.then(async () => {
      const fc = await fetchCourses();
      if ('error' in fc) {
        this.events.onDataError?.(fc.error);
        return;
      }
      showCourses(this.map, fc);
      this.courses = courseLines(fc);
      this.events.onCourses?.(fc.features.length > 0);
    });
    return this.coursesLoad;
  }

  /** Resolves when the latest course load is done (tests). */
  whenCoursesReady(): Promise<void> {
    return this.coursesLoad;
  }

  /** The course lines on the map, for snapping (the line tool snaps to them). */
  courseLines(): Position[][] {
    return this.courses;
  }

  /** Resolves when the published markers are on the map, or known to be none. */
  whenMarkersReady(): Promise<void> {
    return this.markers;
  }

  /**
   * Reads the published zones and markers again (a publication was pushed to the page): the zones'
   * source fetches its URL anew (the server answers 304 while nothing changed), the markers are
   * replaced, or added if the map had none.
   */
  async reloadPublished(): Promise<void> {
    await this.markers;
    if (this.publishedLayer === 'tiles') {
      reloadPublishedTiles(this.map);
      return;
    }
    this.map
      .getSource<maplibregl.GeoJSONSource>(ZONES_SOURCE)
      ?.setData(new URL('/api/zones', location.href).href);
    const fc = await fetchMarkers();
    const source = this.map.getSource<maplibregl.GeoJSONSource>(MARKERS_SOURCE);
    if (!source) this.addMarkers(fc);
    else if ('error' in fc) this.events.onDataError?.(fc.error);
    else {
      source.setData(fc);
      this.events.onMarkers?.(markerKinds(fc));
    }
  }

  /** Highlights a waterbody (river line or reservoir polygon); null clears. */
  /**
   * The sources' attributions in the UI's language: the control is rebuilt, since MapLibre reads
   * the texts only when it is added.
   */
  setAttributions(texts: MapAttributions): void {
    if (texts.base === this.attributions.base && texts.zones === this.attributions.zones) return;
    this.attributions = texts;
    if (!this.loaded) return;
    for (const [id, text] of [
      [BASE_SOURCE, texts.base],
      [ZONES_SOURCE, texts.zones],
    ] as const) {
      const source = this.map.getSource(id) as { attribution?: string } | undefined;
      if (source) source.attribution = text;
    }
    this.map.removeControl(this.attribution);
    this.attribution = new maplibregl.AttributionControl({ compact: true });
    this.addAttribution();
  }

  /**
   * Adds the credits as the (i) button, folded once their texts are in: MapLibre shows a compact
   * attribution unfolded at first, and unfolded it covered the scale bar (issue 19).
   */
  private addAttribution(): void {
    this.map.addControl(this.attribution);
    const fold = () => {
      const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib');
      if (el?.classList.contains('maplibregl-attrib-empty')) this.map.once('idle', fold);
      else el?.classList.remove('maplibregl-compact-show');
    };
    this.map.once('idle', fold);
  }

  setSelected(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.applySelection();
  }

  /**
   * Zooms to a box [minLon, minLat, maxLon, maxLat] (a waterbody's, from the API), keeping it clear
   * of whatever covers the map's edges (a side panel, a bottom sheet), in CSS pixels. A river stops
   * at zoom 13 (its whole course); a zone or a draft, a few hundred metres wide, may go closer.
   */
  fitTo(
    bbox: [number, number, number, number],
    covered: { top?: number; right?: number; bottom?: number; left?: number } = {},
    maxZoom = 13,
  ): void {
    const pad = (side: number | undefined) => 40 + (side ?? 0);
    const padding = {
      top: pad(covered.top),
      right: pad(covered.right),
      bottom: pad(covered.bottom),
      left: pad(covered.left),
    };
    this.map.fitBounds(bbox, { padding, maxZoom, duration: 600 });
  }

  /**
   * The box of the published zones of some plans (a river's), or null when none is published: where
   * a river that has no course on the map (未上图) is zoomed to.
   */
  async publishedBbox(planIds: readonly string[]): Promise<BBox | null> {
    await this.ready;
    const wanted = new Set(planIds);
    // tiles: only what the loaded tiles hold (the view's); GeoJSON: everything
    const all =
      this.publishedLayer === 'tiles'
        ? loadedFeatures(this.map, PUBLISHED_TILES.zones, planIds)
        : ((
            (await this.map.getSource<maplibregl.GeoJSONSource>(ZONES_SOURCE)?.getData()) as
              | FeatureCollection
              | undefined
          )?.features ?? []);
    const features = all.filter((f) => wanted.has(f.properties?.plan));
    return features.length > 0 ? bboxOf({ type: 'FeatureCollection', features }) : null;
  }

  /**
   * Draws the open plan's draft (zones, boundary lines, markers); null clears it. The source and
   * its layers come with the first draft, so the public first paint is not touched.
   */
  setDraft(fc: FeatureCollection | null): void {
    if (fc === this.draft) return;
    this.draft = fc;
    this.ready.then(
      () => this.applyDraft(),
      // a failed load is reported through whenReady; without a style there is nothing to draw on
      () => undefined,
    );
  }

  /** The draft on the map (what `setDraft` was given last), for tests that click its features. */
  draftData(): FeatureCollection | null {
    return this.draft;
  }

  private applyDraft(): void {
    const fc = this.draft;
    const source = this.map.getSource<maplibregl.GeoJSONSource>(DRAFT_SOURCE);
    if (source) {
      source.setData(fc ?? { type: 'FeatureCollection', features: [] });
      return;
    }
    if (!fc) return;
    this.map.addSource(DRAFT_SOURCE, { type: 'geojson', data: fc });
    // under the labels, so that river names stay readable over the draft
    for (const layer of DRAFT_LAYERS) this.map.addLayer(layer, 'river-label');
  }

  /** Switches the base map; 天地图 needs a key. */
  setBasemap(basemap: Basemap, key: string | null): void {
    if (basemap === this.basemap && key === this.tiandituKey) return;
    this.basemap = basemap;
    this.tiandituKey = key;
    if (this.map.getLayer('background')) this.applyBasemap();
  }

  /** Shows an imagery layer (影像底图) over the base map, or none. */
  setImagery(overlay: ImageryOverlay | null): void {
    if (JSON.stringify(overlay) === JSON.stringify(this.imagery)) return;
    this.imagery = overlay;
    if (this.map.getLayer('background')) showImagery(this.map, overlay);
  }

  /**
   * Whether a box [minLon, minLat, maxLon, maxLat] lies wholly in the current view and is big enough
   * there to be seen (at least `minPx` wide or tall).
   */
  shows(bbox: BBox, minPx = 48): boolean {
    const b = this.map.getBounds();
    const inside =
      bbox[0] >= b.getWest() &&
      bbox[1] >= b.getSouth() &&
      bbox[2] <= b.getEast() &&
      bbox[3] <= b.getNorth();
    const sw = this.map.project([bbox[0], bbox[1]]);
    const ne = this.map.project([bbox[2], bbox[3]]);
    return inside && Math.max(Math.abs(ne.x - sw.x), Math.abs(ne.y - sw.y)) >= minPx;
  }

  /**
   * Whether a tool owns the map's clicks and Esc: measuring, picking a point, or a line or polygon
   * being drawn (the draw session turns double-click zoom off for it).
   */
  toolActive(): boolean {
    const c = this.map.getContainer().classList;
    return (
      c.contains('hejie-measuring') ||
      c.contains('hejie-picking') ||
      !this.map.doubleClickZoom.isEnabled()
    );
  }

  /** Calls back after the next render settles. */
  onceIdle(): Promise<void> {
    return new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  /**
   * Ids drawn on screen in a layer (waterbody, reach of a zone, number of a marker), or the values of
   * one property when `property` is given: what tests assert instead of DOM text.
   */
  renderedIds(layer: string, property?: string): string[] {
    if (!this.map.getLayer(layer)) return [];
    const ids = this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => {
      const p = f.properties ?? {};
      return (property ? p[property] : (p.riverId ?? p.waterbodyId ?? p.reach ?? p.id)) as
        | string
        | undefined;
    });
    return [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  }

  /** Resolves when the camera has stopped and everything in view is drawn (tests, screenshots). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.map.isMoving() && this.map.areTilesLoaded() && this.map.loaded()) resolve();
        else this.map.once('idle', check);
      };
      check();
    });
  }

  /** Screen position of a lon/lat in the map container, in CSS pixels. */
  project(lngLat: [number, number]): [number, number] {
    const p = this.map.project(lngLat);
    return [p.x, p.y];
  }

  /** The lon/lat at a screen position in the map container (CSS pixels). */
  unproject(point: [number, number]): [number, number] {
    const p = this.map.unproject(point);
    return [p.lng, p.lat];
  }

  /** The view's zoom level. */
  zoom(): number {
    return this.map.getZoom();
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.map.remove();
  }

  private applySelection(): void {
    if (!this.map.getLayer('selected-river')) return;
    const filters = selectionFilters(this.selected);
    this.map.setFilter('selected-river', filters.river);
    this.map.setFilter('selected-water', filters.water);
  }

  private applyBasemap(): void {
    showBasemap(this.map, this.basemap === 'tianditu' ? this.tiandituKey : null);
    showImagery(this.map, this.imagery);
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
    if (e.sourceId === 'imagery') {
      this.events.onDataError?.(
        `imagery tiles (/tiles/imagery): ${status ? `HTTP ${status}` : e.error.message}`,
      );
      return;
    }
    if (e.sourceId === BASE_SOURCE) {
      this.events.onDataError?.(
        `base map tiles (/tiles/base): ${status ? `HTTP ${status}` : e.error.message}`,
      );
      return;
    }
    console.error(e.error);
  }
}
