/* The test tiers' view of the infrastructure that global setup provided. */
export const TEST_ENV = {
  adminDatabaseUrl: 'YIMEN_TEST_ADMIN_DATABASE_URL',
  kafkaBrokers: 'YIMEN_TEST_KAFKA_BROKERS',
} as const;

export interface TestInfra {
  adminDatabaseUrl: string;
  kafkaBrokers: string;
}

/** Fails loudly when a test needing real infrastructure runs without it — never a silent skip. */
export function testInfra(): TestInfra {
  const adminDatabaseUrl = process.env[TEST_ENV.adminDatabaseUrl];
  const kafkaBrokers = process.env[TEST_ENV.kafkaBrokers];
  if (!adminDatabaseUrl || !kafkaBrokers) {
    throw new Error(
      'No test infrastructure: run the tests through jest with the project config (npm test), which starts ' +
        'PostgreSQL and Kafka, or set DATABASE_URL and KAFKA_BROKERS.',
    );
  }
  return { adminDatabaseUrl, kafkaBrokers };
}
