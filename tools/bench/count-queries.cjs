/**
 * Preloaded into the API by `bench:lists` (node --require): counts the SQL statements the API sends
 * through `pg`, and answers the count on the IPC message 'queries'. Nothing else changes.
 */
const pg = require('pg');

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  queries += 1;
  return query.apply(this, args);
};
process.on('message', (message) => {
  if (message === 'queries' && process.send) process.send({ queries });
});
