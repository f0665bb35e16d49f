import { CRS, type CrsCode } from '../../crs/crs';

const GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",' +
  'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]]';

/** ESRI names, as `gdalsrsinfo -o wkt_esri EPSG:n` (GDAL 3.6) prints them. */
const ESRI_NAMES: Record<Exclude<CrsCode, 'EPSG:4490'>, string> = {
  'EPSG:4545': 'CGCS2000_3_Degree_GK_CM_108E',
  'EPSG:4546': 'CGCS2000_3_Degree_GK_CM_111E',
  'EPSG:4524': 'CGCS2000_3_Degree_GK_Zone_36',
  'EPSG:4525': 'CGCS2000_3_Degree_GK_Zone_37',
};

/**
 * The ESRI WKT of a CRS (.prj contents), which GDAL and ArcGIS identify as its EPSG code.
 * @example prjOf('EPSG:4545') // 'PROJCS["CGCS2000_3_Degree_GK_CM_108E",GEOGCS[…'
 */
export function prjOf(code: CrsCode): string {
  if (code === 'EPSG:4490') return GEOGCS;
  const info = CRS[code];
  const falseEasting = (info.zonePrefix ? (info.zone as number) * 1e6 : 0) + 500000;
  return (
    `PROJCS["${ESRI_NAMES[code]}",${GEOGCS},PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${(info.centralMeridian as number).toFixed(1)}],` +
    'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
  );
}
