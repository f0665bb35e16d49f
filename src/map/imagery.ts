import type { Map as MaplibreMap } from 'maplibre-gl';

/** An imagery layer (影像底图) as the map draws it: the archive's tiles and the credit to show. */
export interface ImageryOverlay {
  id: string;
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
  /** 影像 © <source>（<date>） */
  attribution: string;
}

const SOURCE = 'imagery';

/**
 * Shows one imagery layer over the offline base map, under the water, lines and labels (which stay
 * readable over it), or none. The tiles come from the app (/tiles/imagery/<id>/{z}/{x}/{y}); the
 * source's bounds keep the map from asking outside the archive.
 */
export function showImagery(map: MaplibreMap, overlay: ImageryOverlay | null): void {
  if (map.getLayer(SOURCE)) map.removeLayer(SOURCE);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  if (!overlay) return;
  map.addSource(SOURCE, {
    type: 'raster',
    tiles: [`${new URL(`/tiles/imagery/${overlay.id}/`, location.href).href}{z}/{x}/{y}`],
    tileSize: 256,
    bounds: overlay.bounds,
    minzoom: overlay.minzoom,
    maxzoom: overlay.maxzoom,
    attribution: overlay.attribution,
  });
  map.addLayer({ id: SOURCE, type: 'raster', source: SOURCE }, 'water');
}
