import 'reflect-metadata';
import { brokerList, loadConfig, ServiceConfig } from '@app/config';
import { createKafka, readDeadLetters, replayDeadLetters, type DeadLetter } from '@app/messaging';

const USAGE = `用法 / usage:
  npm run dlq -- list                        列出死信 (list dead letters)
  npm run dlq -- replay <partition@offset>…  重放指定死信到原主题 (replay to the source topic)
  npm run dlq -- replay --all                重放全部死信
Reads KAFKA_BROKERS and KAFKA_TOPIC_PREFIX like the services do.`;

function show(letter: DeadLetter): string {
  return [
    `${letter.partition}@${letter.offset}`,
    `from ${letter.sourceTopic}[${letter.sourcePartition}]@${letter.sourceOffset}`,
    `group=${letter.consumerGroup}`,
    `type=${letter.eventType || '?'}`,
    `event=${letter.eventId || '?'}`,
    `key=${letter.key ?? ''}`,
    `reason=${letter.reason}`,
  ].join('  ');
}

/** Operator command: inspect the dead-letter topic and replay chosen messages. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'replay') {
    console.log(USAGE);
    return command ? 2 : 0;
  }
  const config = loadConfig(ServiceConfig);
  const kafka = createKafka('yimen-dlq-cli', brokerList(config));
  const letters = await readDeadLetters(kafka, config.KAFKA_TOPIC_PREFIX);
  if (command === 'list') {
    for (const letter of letters) console.log(show(letter));
    console.log(`${letters.length} 条死信 (dead letters)`);
    return 0;
  }
  const wanted = rest.includes('--all')
    ? letters
    : letters.filter((l) => rest.includes(`${l.partition}@${l.offset}`));
  if (wanted.length === 0) {
    console.error('没有匹配的死信 (no matching dead letters)');
    return 1;
  }
  console.log(`已重放 ${await replayDeadLetters(kafka, wanted)} 条 (replayed)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
