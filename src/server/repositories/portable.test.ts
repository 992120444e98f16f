// Which driver errors mean "the store cannot be reached right now" (503) and which are bugs or
// refusals that must keep their own answer.
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable } from './portable.js';

const err = (fields: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), fields);

describe('isStoreUnavailable', () => {
  it.each([
    ['refused connection', err({ code: 'ECONNREFUSED' })],
    ['reset connection', err({ code: 'ECONNRESET' })],
    ['refused on every address of a host name', new AggregateError([err({ code: 'ECONNREFUSED' }), err({ code: 'ECONNREFUSED' })])],
    ['DNS of a failover name not answering', err({ code: 'EAI_AGAIN' })],
    ['pg: pg_terminate_backend', err({ code: '57P01' }, 'terminating connection due to administrator command')],
    ['pg: crash shutdown', err({ code: '57P02' })],
    ['pg: starting up or in recovery', err({ code: '57P03' }, 'the database system is starting up')],
    ['pg: too many connections', err({ code: '53300' })],
    ['pg: connection exception class 08', err({ code: '08006' })],
    ['pg: socket closed under a query', err({}, 'Connection terminated unexpectedly')],
    ['pg: client dropped while checked out', err({}, 'Client has encountered a connection error and is not queryable')],
    ['pg: connect timeout', err({}, 'Connection terminated due to connection timeout')],
    ['pg: no pool slot in time', err({}, 'timeout exceeded when trying to connect')],
    ['mysql2: connection lost', err({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['mysql2: too many connections', err({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['MariaDB: KILL', err({ code: 'ER_CONNECTION_KILLED', errno: 1927 })],
    ['MySQL: server shutdown', err({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
    ['mysql2: closed connection', err({ fatal: true }, "Can't add new command when connection is in closed state")],
    ['SQLite: cannot open', err({ code: 'SQLITE_CANTOPEN' })],
    ['SQLite: I/O error', err({ code: 'SQLITE_IOERR_WRITE' })],
    ['SQLite: disk full', err({ code: 'SQLITE_FULL' })],
    ['SQLite: still locked after the busy timeout', err({ code: 'SQLITE_BUSY' })],
    ['wrapped as the cause', new Error('migration failed', { cause: err({ code: 'ECONNREFUSED' }) })],
  ])('%s: yes', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['pg: unique violation', err({ code: '23505' })],
    ['pg: syntax error', err({ code: '42601' })],
    ['pg: NUL byte in text', err({ code: '22021' })],
    ['pg: check constraint', err({ code: '23514' })],
    ['mysql: duplicate entry', err({ code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['mysql: deadlock (retried elsewhere)', err({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
    ['SQLite: constraint', err({ code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'boom'],
  ])('%s: no', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });
});
