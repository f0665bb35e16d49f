// The wire formats live in src/contract; this name stays for the routes of other areas that still
// import it (geometry and zone routes) until they import src/contract themselves.
export { geometryQuery, saveGeometryBody, zonesQuery } from '../../contract/versions';
