/** Metres per pixel of a 256 px Web Mercator tile at zoom 0 on the equator. */
const Z0_RESOLUTION = 156543.03392804097;

/**
 * The zoom range to cut an image into: the finest zoom whose pixels are nearest the image's own
 * ground resolution (metres per pixel at its centre latitude), and the coarsest at which the whole
 * image still spans a tile or more (never more than 8 levels above the finest).
 * @example chooseZooms({ resolution: 0.5, lat: 22, widthPx: 40000, heightPx: 30000 }) // → { minzoom: 11, maxzoom: 18 }
 */
export function chooseZooms(image: {
  resolution: number;
  lat: number;
  widthPx: number;
  heightPx: number;
}): { minzoom: number; maxzoom: number } {
  if (!(image.resolution > 0)) throw new Error('resolution must be above 0 m');
  const atLat = Z0_RESOLUTION * Math.cos((image.lat * Math.PI) / 180);
  const maxzoom = Math.max(0, Math.min(22, Math.round(Math.log2(atLat / image.resolution))));
  const spanTiles = Math.max(image.widthPx, image.heightPx) / 256;
  const levels = Math.max(0, Math.floor(Math.log2(Math.max(1, spanTiles))));
  return { minzoom: Math.max(0, maxzoom - Math.min(8, levels)), maxzoom };
}
