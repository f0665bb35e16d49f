// Every message catalog, merged per language. One file of codes per area (`<area>.messages.ts`), so
// that each area adds its codes where it lives in the code base.
import * as access from './access.messages';
import * as accounts from './accounts.messages';
import * as admin from './admin.messages';
import * as adopted from './adopted.messages';
import * as cli from './cli.messages';
import * as common from './common.messages';
import * as consultation from './consultation.messages';
import * as courses from './courses.messages';
import * as display from './display.messages';
import * as documents from './documents.messages';
import * as editor from './editor.messages';
import * as floodline from './floodline.messages';
import * as formats from './formats.messages';
import * as geo from './geo.messages';
import * as handover from './handover.messages';
import * as imagery from './imagery.messages';
import type { Lang } from './lang';
import * as lines from './lines.messages';
import * as live from './live.messages';
import * as maptools from './maptools.messages';
import * as markers from './markers.messages';
import * as province from './province.messages';
import * as publicPage from './public.messages';
import * as register from './register.messages';
import * as reports from './reports.messages';
import * as review from './review.messages';
import * as server from './server.messages';
import * as sheets from './sheets.messages';
import * as signoff from './signoff.messages';
import * as stage from './stage.messages';
import * as workflow from './workflow.messages';
import * as zones from './zones.messages';

const AREAS = [
  common,
  zones,
  markers,
  formats,
  editor,
  server,
  accounts,
  workflow,
  register,
  cli,
  geo,
  signoff,
  stage,
  review,
  consultation,
  display,
  documents,
  sheets,
  lines,
  handover,
  maptools,
  live,
  admin,
  publicPage,
  access,
  courses,
  imagery,
  province,
  reports,
  floodline,
  adopted,
];

/** The catalog of each language: code → template with `{name}` placeholders. */
export const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: Object.assign({}, ...AREAS.map((a) => a.zh)),
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
};
