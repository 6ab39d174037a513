/**
 * A FROM item that turns synchronous commit off for the current transaction only, so that a single
 * autocommit statement commits without waiting for the WAL flush — in one round trip:
 * `INSERT INTO t (…) SELECT … FROM ${ASYNC_COMMIT}` or `UPDATE t SET … FROM ${ASYNC_COMMIT} WHERE …`.
 *
 * Use it only where losing the last such commits in a database crash is harmless: a row lock released at
 * once instead of after an fsync (a counter every request updates), or a mark that is redone after a crash
 * anyway (outbox rows marked sent). WAL is written in order, so a later synchronous commit that depends on
 * it makes it durable too.
 */
export const ASYNC_COMMIT = `(SELECT set_config('synchronous_commit', 'off', true)) AS async_commit`;
