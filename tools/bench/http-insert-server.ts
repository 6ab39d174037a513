import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { baselineInsert } from './baselines';

/**
 * The floor under any Node HTTP front end on this machine: a bare node:http server that reads each POSTed JSON
 * body, parses it and inserts it as one row with one autocommit INSERT (the raw pg baseline's statement and
 * table), answering 201. No framework, validation, authentication, receipt, outbox, audit or log. The bench
 * runs it as its own process, as intake runs, and loads it with the same load generator; it prints its port.
 *
 * argv: database URL, table, pool size.
 */
function main(): void {
  const [databaseUrl, table, poolSize] = process.argv.slice(2);
  if (!databaseUrl || !table || !/^[a-z_.]+$/.test(table))
    throw new Error('usage: database-url table pool-size');
  const pool = new Pool({ connectionString: databaseUrl, max: Number(poolSize) || 10 });
  const insert = baselineInsert(table);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: { title?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { title?: unknown };
      } catch {
        res.writeHead(400).end();
        return;
      }
      const id = randomUUID();
      pool
        .query(insert, [
          id,
          `H-${id}`,
          typeof body.title === 'string' ? body.title : '',
          JSON.stringify(body),
        ])
        .then(
          () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id })),
          () => res.writeHead(500).end(),
        );
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}

main();
