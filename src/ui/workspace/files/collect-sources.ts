// The files a planner picked or dropped, as the import reads them: each file on its own, except the
// loose parts of shapefiles (.shp .shx .dbf .prj .cpg), which go into one zip as the import wants.
import { zipSync } from 'fflate';
import type { ImportSource } from '../../../domain/formats/types';

/** The files that make up a shapefile beside its .shp. */
const SHAPEFILE_PARTS = ['.shp', '.shx', '.dbf', '.prj', '.cpg'];

/** One file for the import, and the files it was made of (a zip of loose shapefile parts). */
export interface PickedSource extends ImportSource {
  parts: string[];
}

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.')).toLowerCase();
const stemOf = (name: string) => name.slice(0, name.lastIndexOf('.')) || name;

/**
 * Groups picked files into import sources: loose shapefile parts into one zip named after the first
 * .shp (several .shp become layers of it, as in a zipped shapefile); every other file as it is.
 * The inputs are not modified.
 */
export function collectSources(files: readonly ImportSource[]): PickedSource[] {
  const loose = files.filter((f) => SHAPEFILE_PARTS.includes(extensionOf(f.name)));
  const rest: PickedSource[] = files
    .filter((f) => !loose.includes(f))
    .map((f) => ({ name: f.name, bytes: f.bytes, parts: [f.name] }));
  if (loose.length === 0) return rest;
  const shp = loose.find((f) => extensionOf(f.name) === '.shp') ?? loose[0];
  const entries = Object.fromEntries(loose.map((f) => [f.name, f.bytes]));
  // stored, not deflated: the zip only carries the parts to the reader
  const bytes = zipSync(entries, { level: 0 });
  return [
    { name: `${stemOf(shp?.name ?? 'shapefile')}.zip`, bytes, parts: loose.map((f) => f.name) },
    ...rest,
  ];
}
