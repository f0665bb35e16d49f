// The published zones and markers as vector tiles (GET /tiles/published/…), for a province-size
// published layer (the server says which, GET /api/config `publishedLayer`): the zone layers of the
// style read source-layer `zones` of the zones source, the marker layers its `markers`.
import type { Feature } from 'geojson';
import type {
  LayerSpecification,
  Map as MaplibreMap,
  VectorSourceSpecification,
  VectorTileSource,
} from 'maplibre-gl';
import { PUBLISHED_TILES } from '../contract/plans';
import { type MarkerKinds, markerKinds } from './fetch-markers';
import { markerLayers, ZONES_SOURCE } from './layers';

/** The zones source as vector tiles. */
export function publishedTileSource(attribution: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${new URL(PUBLISHED_TILES.path, location.href).href}{z}/{x}/{y}.pbf`],
    maxzoom: PUBLISHED_TILES.maxzoom,
    attribution,
  };
}

/**
 * The style's layers with those of the zones source reading its `zones` source-layer (a new list;
 * layers are data), and the published markers' layers on its `markers` source-layer.
 * @example onPublishedTiles(LAYERS).find((l) => l.id === 'zone-management')?.['source-layer'] // 'zones'
 */
export function onPublishedTiles(layers: readonly LayerSpecification[]): {
  layers: LayerSpecification[];
  markers: LayerSpecification[];
} {
  const withLayer = (l: LayerSpecification, sourceLayer: string) =>
    'source' in l && l.source === ZONES_SOURCE
      ? ({ ...l, 'source-layer': sourceLayer } as LayerSpecification)
      : l;
  return {
    layers: layers.map((l) => withLayer(l, PUBLISHED_TILES.zones)),
    markers: markerLayers(ZONES_SOURCE).map((l) => withLayer(l, PUBLISHED_TILES.markers)),
  };
}

/** Whether a source is the tiled published layer. */
export function isTiled(map: MaplibreMap, source: string): boolean {
  return map.getSource(source)?.type === 'vector';
}

/**
 * The features of a tiled source-layer in the tiles loaded now (pieces of features cut at tile
 * edges, each piece with the whole feature's properties), optionally of some plans only.
 */
export function loadedFeatures(
  map: MaplibreMap,
  sourceLayer: string,
  plans?: readonly string[],
): Feature[] {
  const filter = plans ? { filter: ['in', ['get', 'plan'], ['literal', [...plans]]] as never } : {};
  return map
    .querySourceFeatures(ZONES_SOURCE, { sourceLayer, ...filter })
    .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties } }));
}

/** Which marker kinds the loaded tiles hold (the legend's entries). */
export function loadedMarkerKinds(map: MaplibreMap): MarkerKinds {
  return markerKinds({
    type: 'FeatureCollection',
    features: loadedFeatures(map, PUBLISHED_TILES.markers),
  });
}

/** Reads the tiles again (a publication was pushed to the page); the server revalidates by ETag. */
export function reloadPublishedTiles(map: MaplibreMap): void {
  const source = map.getSource<VectorTileSource>(ZONES_SOURCE);
  source?.setTiles(publishedTileSource('').tiles as string[]);
}
