import type { RasterSourceSpecification } from 'maplibre-gl';

/** 天地图 WMTS layers in Web Mercator: imagery (img_w) and its annotation (cia_w). */
export type TiandituLayer = 'img' | 'cia';

/**
 * A raster source for a 天地图 layer with the user's key, over the t0–t7 hosts.
 * The key is passed in from the environment or the settings page, never stored in the repo.
 */
export function tiandituSource(layer: TiandituLayer, key: string): RasterSourceSpecification {
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
