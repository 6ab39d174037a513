import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  createDatabase,
  freePort,
  ServiceProcess,
  SERVICES,
  startLocalKafka,
  startPrivatePostgres,
  type LocalKafka,
  type PrivatePostgres,
  type ServiceName,
} from '@app/local-infra';
import { allTopicNames } from '@app/contracts';
import { eventually, staffAuth, TEST_JWT_SECRET } from '@app/testing';

/**
 * Fault injection: a steady stream of items through the running system while each service is killed with
 * SIGKILL and restarted, the Kafka broker is stopped and started, and PostgreSQL is crashed and restarted.
 * Then every receipt issued must be tracked exactly once and routed exactly once. This suite runs its own
 * PostgreSQL cluster and Kafka broker so it can break them without touching anything else on the machine.
 */
const repoRoot = join(__dirname, '..');
const runDir = join(repoRoot, '.run', `faults-${randomBytes(3).toString('hex')}`);
const log = (line: string) => process.stdout.write(`[faults] ${line}\n`);

interface Sent {
  key: string;
  receiptNo?: string;
}

/**
 * For a run that did not converge: how far the missing receipts got (intake, the outboxes, the router,
 * tracking), each consumer group's lag, the dead-letter count, and each service's last warnings.
 */
async function whereAre(db: Client, missing: string[], brokers: string): Promise<string> {
  const lines: string[] = [`missing: ${missing.length} (first: ${missing.slice(0, 5).join(', ')})`];
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM intake.items WHERE receipt_no = ANY($1)) AS in_intake,
            (SELECT count(*) FROM intake.outbox) AS intake_outbox,
            (SELECT count(*) FROM router.item_routes WHERE receipt_no = ANY($1)) AS in_router,
            (SELECT count(*) FROM router.outbox) AS router_outbox,
            (SELECT count(*) FROM tracking.items WHERE receipt_no = ANY($1)) AS in_tracking,
            (SELECT count(*) FROM tracking.outbox) AS tracking_outbox`,
    [missing],
  );
  lines.push(`stages: ${JSON.stringify(rows[0])}`);
  const admin = new Kafka({
    clientId: 'faults-diagnosis',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const topics = allTopicNames('').map((t) => t.topic);
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${p.partition}`, Number(p.high));
    }
    lines.push(`topic ends: ${JSON.stringify(Object.fromEntries(ends))}`);
    for (const groupId of SERVICES) {
      const lag: string[] = [];
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
        for (const p of partitions) {
          const end = ends.get(`${topic}/${p.partition}`) ?? 0;
          if (Number(p.offset) >= 0 && end > Number(p.offset))
            lag.push(`${topic}/${p.partition}: ${end - Number(p.offset)}`);
        }
      }
      lines.push(`group ${groupId} lag: ${lag.join(', ') || 'none'}`);
    }
  } catch (error) {
    lines.push(`kafka offsets unavailable: ${String(error)}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  for (const name of SERVICES) {
    const file = join(runDir, `${name}.log`);
    const tail = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => /warn|error|crash|dead-letter/i.test(l))
          .slice(-15)
          .map((l) => l.slice(0, 300))
      : [];
    lines.push(`--- ${name}: last warnings and errors ---`, ...tail);
  }
  return lines.join('\n');
}

describe('fault injection: nothing lost, nothing doubled', () => {
  let pg: PrivatePostgres;
  let kafka: LocalKafka;
  let databaseUrl: string;
  let brokers: string;
  const services = {} as Record<ServiceName, ServiceProcess>;

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    pg = await startPrivatePostgres();
    databaseUrl = await createDatabase(pg.adminUrl, 'yimen_faults');
    kafka = await startLocalKafka({ repoRoot, workDir: join(runDir, 'kafka'), log });
    brokers = kafka.brokers;
    for (const name of SERVICES) {
      services[name] = new ServiceProcess({
        repoRoot,
        name,
        entry: `dist/apps/${name}/src/main.js`,
        port: await freePort(),
        env: {
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: brokers,
          LOG_LEVEL: 'warn',
          JWT_SECRET: TEST_JWT_SECRET,
        },
        logFile: join(runDir, `${name}.log`),
      });
      services[name].start();
    }
    await Promise.all(SERVICES.map((n) => services[n].waitUntilReady(120_000)));
  });

  afterAll(async () => {
    await Promise.all(SERVICES.map((n) => services[n]?.stop()));
    await kafka?.stop();
    pg?.stop();
  });

  // Long by design: three service crashes, a broker restart and a database restart, each waited out.
  it('reconciles every receipt after service kills, a broker restart and a database restart', async () => {
    const sent: Sent[] = [];
    let sending = true;
    let failures = 0;

    const submit = async (entry: Sent) => {
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline) {
        try {
          const res = await fetch(`${services.intake.url}/api/v1/items`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: staffAuth('clerk').authorization,
              'idempotency-key': entry.key,
            },
            body: JSON.stringify({
              title: '电动车被盗',
              description: `停在小区楼下的电动车昨晚被盗，请派出所调查。编号 ${entry.key}`,
              requestType: 'help',
              location: { areaName: '德城区' },
              citizen: { name: '测试', mobile: '13800138000' },
            }),
            signal: AbortSignal.timeout(10_000),
          });
          if (res.status === 200 || res.status === 201) {
            entry.receiptNo = ((await res.json()) as { receiptNo: string }).receiptNo;
            return;
          }
          failures += 1;
        } catch {
          failures += 1;
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    };

    // ~20 items/s from 4 concurrent senders, each retrying with the same Idempotency-Key until accepted.
    const senders = Array.from({ length: 4 }, async (_, s) => {
      for (let i = 0; sending; i++) {
        const entry: Sent = { key: `fault-${s}-${i}` };
        sent.push(entry);
        await submit(entry);
        await new Promise((r) => setTimeout(r, 200));
      }
    });

    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const crashAndRestart = async (name: ServiceName) => {
      log(`SIGKILL ${name}`);
      await services[name].kill();
      await pause(1_000);
      services[name].start();
      await services[name].waitUntilReady(120_000);
      log(`${name} back`);
    };

    await pause(4_000);
    for (const name of SERVICES) {
      await crashAndRestart(name);
      await pause(3_000);
    }
    log('stopping Kafka');
    await kafka.stop();
    await pause(6_000);
    kafka = await startLocalKafka({ repoRoot, workDir: join(runDir, 'kafka'), keepData: true, log });
    log('Kafka back');
    await pause(4_000);
    log('crashing and restarting PostgreSQL');
    pg.restart();
    log('PostgreSQL back');
    await pause(5_000);
    sending = false;
    await Promise.all(senders);

    const accepted = sent.filter((s) => s.receiptNo);
    const receipts = new Set(accepted.flatMap((s) => (s.receiptNo ? [s.receiptNo] : [])));

    // Converge: tracking must know every receipt with exactly one routing outcome.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const trackedRows = async () =>
        (
          await db.query<{ receipt_no: string; received: string; routed: string }>(
            `SELECT i.receipt_no,
                    count(*) FILTER (WHERE t.event_type = 'ItemReceived') AS received,
                    count(*) FILTER (WHERE t.event_type IN ('ItemRouted', 'ItemTriaged', 'ItemReferredOut')) AS routed
               FROM tracking.items i JOIN tracking.timeline t ON t.item_id = i.item_id
              GROUP BY i.receipt_no`,
          )
        ).rows.filter((r) => receipts.has(r.receipt_no));
      const incomplete = async () => {
        const complete = new Set(
          (await trackedRows())
            .filter((r) => Number(r.received) >= 1 && Number(r.routed) >= 1)
            .map((r) => r.receipt_no),
        );
        return [...receipts].filter((r) => !complete.has(r));
      };
      await eventually(
        'tracking to hold every accepted receipt',
        async () => {
          const missing = await incomplete();
          return { missing: missing.length, firstMissing: missing.slice(0, 5) };
        },
        { accept: (r) => r.missing === 0, timeoutMs: 180_000, intervalMs: 1_000 },
      ).catch(async (error: unknown) => {
        // In the error itself, so that it shows wherever only the failure summary is kept.
        const where = await whereAre(db, await incomplete(), brokers);
        throw new Error(`${String(error)}\nWhere the missing receipts are:\n${where}`);
      });
      const rows = await trackedRows();
      const intakeItems = await db.query<{ n: string }>('SELECT count(*) AS n FROM intake.items');
      const duplicates = rows.filter((r) => Number(r.received) !== 1 || Number(r.routed) !== 1);
      const lost = receipts.size - rows.length;
      const summary = {
        sent: sent.length,
        accepted: accepted.length,
        distinctReceipts: receipts.size,
        intakeItems: Number(intakeItems.rows[0]?.n),
        tracked: rows.length,
        duplicates: duplicates.length,
        lost,
        failedAttempts: failures,
      };
      log(`reconciliation: ${JSON.stringify(summary)}`);
      expect(accepted.length).toBe(sent.length);
      expect(receipts.size).toBe(accepted.length);
      expect(summary.intakeItems).toBe(receipts.size);
      expect(duplicates).toEqual([]);
      expect(lost).toBe(0);
    } finally {
      await db.end();
    }
  }, 600_000);
});
