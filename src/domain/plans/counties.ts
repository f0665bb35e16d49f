/** An administrative unit responsible for plans: the city level or a county/district. */
export interface County {
  adcode: string;
  name: string;
  nameEn: string;
}

/** 市本级: plans organised by the city (钦州市, 450700). */
export const CITY: County = { adcode: '450700', name: '市本级', nameEn: 'City level' };

/** Qinzhou's four county-level divisions. */
export const COUNTIES: readonly County[] = [
  { adcode: '450702', name: '钦南区', nameEn: 'Qinnan' },
  { adcode: '450703', name: '钦北区', nameEn: 'Qinbei' },
  { adcode: '450721', name: '灵山县', nameEn: 'Lingshan' },
  { adcode: '450722', name: '浦北县', nameEn: 'Pubei' },
];

/**
 * The unit a plan belongs to, from its responsible unit ("灵山县水利局" → 灵山县; "市水利局" → 市本级).
 * Null when the unit names no known county.
 * @example countyOfUnit('钦北区水利局')?.adcode // '450703'
 */
export function countyOfUnit(unit: string): County | null {
  if (unit.startsWith('市')) return CITY;
  return COUNTIES.find((c) => unit.startsWith(c.name)) ?? null;
}

/**
 * A county by adcode (the city included).
 * @example countyByCode('450721')?.name // '灵山县'
 */
export function countyByCode(adcode: string): County | null {
  if (adcode === CITY.adcode) return CITY;
  return COUNTIES.find((c) => c.adcode === adcode) ?? null;
}
