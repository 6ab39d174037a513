import 'reflect-metadata';
import { brokerList, loadConfig } from '@app/config';
import { TrackingConfig } from '../tracking.config';
import { rebuildProjection } from './rebuild-projection';

/**
 * `npm run tracking:rebuild`: replays the topics into a fresh schema and compares with the live projection.
 * Exits 0 when identical, 1 with the differences otherwise.
 */
async function run(): Promise<number> {
  const config = loadConfig(TrackingConfig);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const report = await rebuildProjection({
    databaseUrl: config.DATABASE_URL,
    liveSchema: config.DB_SCHEMA,
    brokers: brokerList(config),
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    log,
  });
  log(`events replayed:   ${report.events} (${report.skippedMessages} malformed skipped)`);
  log(`items:             live ${report.liveItems}, rebuilt ${report.rebuiltItems}`);
  log(`timeline entries:  live ${report.liveTimeline}, rebuilt ${report.rebuiltTimeline}`);
  if (report.unpublished > 0) log(`warning: ${report.unpublished} outbox rows not yet published`);
  if (report.identical) {
    log('identical');
    return 0;
  }
  log(`DIFFERENT (${report.differences.length} shown):`);
  for (const d of report.differences) log(`  ${d.itemId}: ${d.what}`);
  return 1;
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
