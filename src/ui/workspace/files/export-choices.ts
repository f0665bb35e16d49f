// What the export dialog offers and preselects: the draft's layers, the 3° zone of its extent, the
// file name.

import type { FeatureCollection } from 'geojson';
import type { CrsCode } from '../../../domain/crs/crs';
import { zoneOfExtent } from '../../../domain/crs/crs';
import {
  DELIVERABLES,
  type DeliverableId,
  deliverableOf,
} from '../../../domain/formats/common/deliverables';
import type { ExportFormat } from '../../../domain/formats/types';
import { bboxOf } from '../../../domain/geo/bbox';
import { deliverableStem } from '../../../domain/text/file-stem';

/** A layer of the export: a deliverable (管理范围面 …) or the features that are none ('other'). */
export type LayerId = DeliverableId | 'other';

/** The draft's layers in the deliverables' order, with their feature counts (empty ones left out). */
export function layersOf(fc: FeatureCollection): { id: LayerId; name: string; count: number }[] {
  const counts = new Map<LayerId, number>();
  for (const f of fc.features) {
    const id = deliverableOf(f) ?? 'other';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const named = DELIVERABLES.filter((d) => counts.has(d.id)).map((d) => ({
    id: d.id as LayerId,
    name: d.name,
    count: counts.get(d.id) ?? 0,
  }));
  const other = counts.get('other');
  return other ? [...named, { id: 'other', name: '', count: other }] : named;
}

/** The features of the chosen layers (the input is not modified). */
export function selectLayers(
  fc: FeatureCollection,
  chosen: ReadonlySet<LayerId>,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => chosen.has(deliverableOf(f) ?? 'other')),
  };
}

/** The zone `crs: 'auto'` gives (as the export itself decides it): the centre of the longitudes. */
export function autoZone(fc: FeatureCollection): {
  code: 'EPSG:4545' | 'EPSG:4546';
  centre: number;
  min: number;
  max: number;
  crosses: boolean;
} {
  const [min, , max] = bboxOf(fc);
  return { ...zoneOfExtent(min, max), min, max };
}

/**
 * The stem of the downloaded file by the one hand-over rule (`deliverableStem`): river, what is in
 * it (plus the format's tag, so that a shapefile zip and a zip of csv tables differ), version
 * (null: 草稿), CRS and China date, e.g. `钦江_管理范围_v3_EPSG4545_20261202`.
 */
export function exportStem(
  river: string,
  what: string,
  format: Pick<ExportFormat, 'nameTag'>,
  version: number | null,
  crs: CrsCode,
  at: Date,
): string {
  return deliverableStem({ river, content: what + format.nameTag, version, crs, at });
}
