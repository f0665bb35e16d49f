import type { Map as MaplibreMap, RasterSourceSpecification } from 'maplibre-gl';
import { OFFLINE_BASE_LAYERS } from './layers';

/** 天地图 WMTS layers in Web Mercator: imagery (img_w) and its annotation (cia_w). */
export type TiandituLayer = 'img' | 'cia';

/**
 * A raster source for a 天地图 layer with the user's key, over the t0–t7 hosts.
 * The key is passed in from the environment or the settings page, never stored in the repo.
 */
function tiandituSource(layer: TiandituLayer, key: string): RasterSourceSpecification {
  const tiles = Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` +
      `&tk=${encodeURIComponent(key)}`,
  );
  return {
    type: 'raster',
    tiles,
    tileSize: 256,
    maxzoom: 18,
    attribution:
      '影像 © <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a>',
  };
}

/** Whether an HTTP status from 天地图 means the key was refused (418: bad or unbound key; 403). */
export function isRejectedKeyStatus(status: number): boolean {
  return status === 418 || status === 403;
}

/**
 * Shows 天地图 imagery with its annotation under the vector layers when there is a key, else the
 * offline base map (its layers hidden under the imagery).
 */
export function showBasemap(map: MaplibreMap, tiandituKey: string | null): void {
  for (const layer of ['tianditu-cia', 'tianditu-img']) {
    if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(layer)) map.removeSource(layer);
  }
  for (const layer of OFFLINE_BASE_LAYERS) {
    map.setLayoutProperty(layer, 'visibility', tiandituKey ? 'none' : 'visible');
  }
  if (!tiandituKey) return;
  map.addSource('tianditu-img', tiandituSource('img', tiandituKey));
  map.addSource('tianditu-cia', tiandituSource('cia', tiandituKey));
  map.addLayer({ id: 'tianditu-img', type: 'raster', source: 'tianditu-img' }, 'water');
  map.addLayer({ id: 'tianditu-cia', type: 'raster', source: 'tianditu-cia' }, 'water');
}
