/**
 * Preloaded into the API by `bench:spend` (node --require): keeps the SQL statements (text and
 * parameters) the API sends through `pg` since the last IPC message 'sql', and answers them on it,
 * so the benchmark can run exactly the API's statements directly. On 'heap' it collects garbage
 * (the API runs with --expose-gc under the benchmark) and answers the memory still live, so an
 * export's retention can be told from V8 merely collecting late. Nothing else changes.
 */
const pg = require('pg');

let statements = [];
const DECLARE = /^DECLARE \S+ NO SCROLL CURSOR FOR ([\s\S]*)$/;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function capturedQuery(config, values, ...rest) {
  // A pg-query-stream cursor is a submittable holding its text and values in `cursor`.
  const source = config?.cursor ?? config;
  const text = typeof config === 'string' ? config : source?.text;
  const parameters = Array.isArray(values) ? values : (source?.values ?? []);
  // A server-side cursor (the exports' long read): the statement it reads, as a cursor.
  const declared = typeof text === 'string' ? DECLARE.exec(text) : null;
  if (declared) statements.push({ text: declared[1], values: parameters, cursor: true });
  else if (typeof text === 'string')
    statements.push({ text, values: parameters, cursor: Boolean(config?.cursor) });
  return query.call(this, config, values, ...rest);
};
process.on('message', (message) => {
  if (message === 'sql' && process.send) {
    process.send({ statements });
    statements = [];
  }
  if (message === 'heap' && process.send) {
    if (typeof global.gc === 'function') global.gc();
    const usage = process.memoryUsage();
    process.send({ heap: { live: usage.heapUsed + usage.external, rss: usage.rss } });
  }
});
