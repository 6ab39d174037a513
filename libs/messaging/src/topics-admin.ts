import type { Kafka } from 'kafkajs';
import { allTopicNames } from '@app/contracts';

/**
 * Creates every topic the system uses (idempotent) and waits until each partition has a leader. Existing
 * topics keep their partitions (Kafka can add partitions, never remove them).
 */
export async function ensureTopics(
  kafka: Kafka,
  prefix: string,
  options: { partitions?: number; replicationFactor?: number } = {},
): Promise<void> {
  const replicationFactor = options.replicationFactor ?? 1;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = allTopicNames(prefix, options.partitions);
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({ ...t, replicationFactor })),
        });
      } catch {
        // Another service may be creating them at the same moment ("already exists", "does not host this
        // topic-partition"); the wait below decides whether they exist in the end.
      }
    }
    await waitForLeaders(
      admin,
      wanted.map((t) => t.topic),
    );
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: ReturnType<Kafka['admin']>, topics: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (e) {
      // Right after creation the broker may still answer "does not host this topic-partition".
      if (Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline)
      throw new Error(`Kafka topics have no leaders after 60 s: ${topics.join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
