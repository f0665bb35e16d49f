// A geographic DEM (EPSG:4490, degrees) seen as a planar grid in a Gauss-Krüger zone: the engine
// works in metres only. Each planar cell's height is the bilinear interpolation of the geographic
// cells around its centre; the lon/lat of a window's cells is interpolated from its four corners'
// exact inverse projection (the mapping is smooth: over a few hundred metres the error is far below
// a millimetre).
import type { Projector } from '../crs/crs';
import type { RasterSource } from './types';

/**
 * The geographic raster `geo` as a north-up grid in `proj`'s CRS, with square cells of the geographic
 * cell's smaller side (in metres, at the raster's centre).
 * @example planarView(dem4490, projector('EPSG:4545')).cellWidth // ≈ 2
 */
export function planarView(geo: RasterSource, proj: Projector): RasterSource {
  const lon0 = geo.originX;
  const lat0 = geo.originY;
  const lon1 = lon0 + geo.width * geo.cellWidth;
  const lat1 = lat0 - geo.height * geo.cellHeight;
  const cl = (lon0 + lon1) / 2;
  const ct = (lat0 + lat1) / 2;
  const [ax, ay] = proj.forward([cl, ct]);
  const [bx, by] = proj.forward([cl + geo.cellWidth, ct]);
  const [, dy] = proj.forward([cl, ct + geo.cellHeight]);
  const cell = Math.min(Math.hypot(bx - ax, by - ay), Math.abs(dy - ay));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of [
    [lon0, lat0],
    [lon1, lat0],
    [lon1, lat1],
    [lon0, lat1],
    [cl, lat0],
    [cl, lat1],
  ] as const) {
    const [x, y] = proj.forward([lon, lat]);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const originX = Math.floor(x0 / cell) * cell;
  const originY = Math.ceil(y1 / cell) * cell;
  const width = Math.ceil((x1 - originX) / cell);
  const height = Math.ceil((originY - y0) / cell);
  return {
    width,
    height,
    originX,
    originY,
    cellWidth: cell,
    cellHeight: cell,
    nodata: null,
    async readWindow(col, row, cols, rows) {
      const out = new Float32Array(cols * rows).fill(Number.NaN);
      const at = (c: number, r: number) =>
        proj.inverse([originX + (c + 0.5) * cell, originY - (r + 0.5) * cell]);
      const corners = [at(col, row), at(col + cols - 1, row), at(col, row + rows - 1)];
      const c00 = corners[0] as [number, number];
      const c10 = corners[1] as [number, number];
      const c01 = corners[2] as [number, number];
      const c11 = at(col + cols - 1, row + rows - 1);
      // fractional source pixel (cell centres at integer + 0) of every planar cell
      const u = new Float64Array(cols * rows);
      const v = new Float64Array(cols * rows);
      let [u0, v0, u1, v1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let r = 0; r < rows; r++) {
        const tr = rows > 1 ? r / (rows - 1) : 0;
        for (let c = 0; c < cols; c++) {
          const tc = cols > 1 ? c / (cols - 1) : 0;
          const lon =
            (1 - tr) * ((1 - tc) * c00[0] + tc * c10[0]) + tr * ((1 - tc) * c01[0] + tc * c11[0]);
          const lat =
            (1 - tr) * ((1 - tc) * c00[1] + tc * c10[1]) + tr * ((1 - tc) * c01[1] + tc * c11[1]);
          const k = r * cols + c;
          const uu = (lon - lon0) / geo.cellWidth - 0.5;
          const vv = (lat0 - lat) / geo.cellHeight - 0.5;
          u[k] = uu;
          v[k] = vv;
          u0 = Math.min(u0, uu);
          v0 = Math.min(v0, vv);
          u1 = Math.max(u1, uu);
          v1 = Math.max(v1, vv);
        }
      }
      const sc = Math.max(0, Math.floor(u0));
      const sr = Math.max(0, Math.floor(v0));
      const ec = Math.min(geo.width - 1, Math.floor(u1) + 1);
      const er = Math.min(geo.height - 1, Math.floor(v1) + 1);
      if (ec < sc || er < sr) return out;
      const sw = ec - sc + 1;
      const src = await geo.readWindow(sc, sr, sw, er - sr + 1);
      const nd = geo.nodata;
      const h = (c: number, r: number) => {
        const z = src[(r - sr) * sw + (c - sc)] as number;
        return nd !== null && z === nd ? Number.NaN : z;
      };
      for (let k = 0; k < out.length; k++) {
        const uu = u[k] as number;
        const vv = v[k] as number;
        const c = Math.floor(uu);
        const r = Math.floor(vv);
        if (c < sc || r < sr || c + 1 > ec || r + 1 > er) continue;
        const fu = uu - c;
        const fv = vv - r;
        out[k] =
          (1 - fv) * ((1 - fu) * h(c, r) + fu * h(c + 1, r)) +
          fv * ((1 - fu) * h(c, r + 1) + fu * h(c + 1, r + 1));
      }
      return out;
    },
  };
}
