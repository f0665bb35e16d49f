// The wire formats live in src/contract; this name stays for the routes of other areas that still
// import it (marker routes) until they import src/contract themselves.
export { noQuery } from '../../contract/accounts';
