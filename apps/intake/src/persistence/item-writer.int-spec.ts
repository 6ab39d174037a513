import { plainToInstance } from 'class-transformer';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { readAllEvents } from '@app/messaging';
import { anItemReceived, eventually } from '@app/testing';
import { chinaDay, formatReceiptNo } from '../domain/receipt-number';
import { SubmitItemDto } from '../items/submit-item.dto';
import { SubmitItemUseCase, type SubmitItemCommand } from '../items/submit-item.use-case';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';
import { ItemWriter } from './item-writer';
import { ItemsRepository, type NewItem } from './items.repository';

/** Group commit of new items on real PostgreSQL: shared statements, distinct receipts, twins sorted out. */
describe('item writer (group commit)', () => {
  let intake: IntakeUnderTest;
  let submit: SubmitItemUseCase;
  let repository: ItemsRepository;
  let db: DataSource;

  beforeAll(async () => {
    intake = await startIntake('intake_group_commit');
    submit = intake.app.get(SubmitItemUseCase);
    repository = intake.app.get(ItemsRepository);
    db = intake.app.get(DataSource);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await intake?.stop();
  });

  const command = (correlationId: string, idempotencyKey?: string): SubmitItemCommand => ({
    item: plainToInstance(SubmitItemDto, validItem()),
    source: { channel: 'window', enteredBy: 'clerk' },
    correlationId,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const sequenceOf = (receiptNo: string) => Number(receiptNo.split('-')[2]);
  const statements = () => ({
    allocate: jest.spyOn(repository, 'allocateSequences'),
    insert: jest.spyOn(repository, 'insertWithEvents'),
  });

  it('gives 200 concurrent submissions distinct consecutive receipts in far fewer statements', async () => {
    const { allocate, insert } = statements();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => submit.execute(command(`gc-${i}`), now)),
    );

    expect(results.every((r) => !r.replay && r.receivedAt === now.toISOString())).toBe(true);
    const sequences = results.map((r) => sequenceOf(r.receiptNo)).sort((a, b) => a - b);
    // a fresh database and nothing refused: no gaps either
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(results.map((r) => r.receiptNo)).toEqual(
      results.map((r) => formatReceiptNo(chinaDay(now), sequenceOf(r.receiptNo))),
    );
    // one allocation and one insert a flush, no fallback
    expect(insert).toHaveBeenCalledTimes(allocate.mock.calls.length);
    expect(allocate.mock.calls.length).toBeLessThan(20);
    const rows = await db.query<{ id: string; receipt_no: string }[]>(
      'SELECT id, receipt_no FROM items WHERE id = ANY($1)',
      [results.map((r) => r.id)],
    );
    expect(new Map(rows.map((r) => [r.id, r.receipt_no]))).toEqual(
      new Map(results.map((r) => [r.id, r.receiptNo])),
    );
  });

  it('publishes exactly one ItemReceived per item, carrying its receipt', async () => {
    await eventually(
      'the outbox to drain',
      async () => (await db.query<{ n: string }[]>('SELECT count(*) AS n FROM outbox'))[0]?.n,
      { accept: (n) => n === '0' },
    );
    const kafka = new Kafka({
      clientId: 'intake-group-commit-int',
      brokers: intake.env.kafkaBrokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    const { events } = await readAllEvents(kafka, intake.env.topicPrefix, ['intake']);
    const receiptOf = new Map<string, string[]>();
    for (const { event } of events) {
      if (event.type !== 'ItemReceived') continue;
      receiptOf.set(event.itemId, [...(receiptOf.get(event.itemId) ?? []), event.payload.receiptNo]);
    }
    const items = await db.query<{ id: string; receipt_no: string }[]>('SELECT id, receipt_no FROM items');
    expect(items).toHaveLength(200);
    expect(new Map(items.map((i) => [i.id, [i.receipt_no]]))).toEqual(receiptOf);
  });

  it('makes one item of concurrent twins with the same Idempotency-Key, the others unharmed', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submit.execute(command(`twin-${i}`, i % 2 === 0 ? 'gc-twin' : undefined)),
      ),
    );
    const twins = results.filter((_, i) => i % 2 === 0);
    const others = results.filter((_, i) => i % 2 === 1);
    expect(new Set(twins.map((r) => r.receiptNo)).size).toBe(1);
    expect(new Set(twins.map((r) => r.id)).size).toBe(1);
    expect(twins.filter((r) => !r.replay)).toHaveLength(1);
    expect(others.every((r) => !r.replay)).toBe(true);
    expect(new Set(others.map((r) => r.receiptNo)).size).toBe(20);
    const count = await db.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM items WHERE idempotency_key = 'gc-twin'",
    );
    expect(count[0]?.n).toBe('1');
  });

  describe('a batch with a twin or a broken item', () => {
    const day = chinaDay(new Date());
    /** A builder of a valid new item, with an Idempotency-Key when given. */
    const anItem =
      (idempotencyKey?: string) =>
      (sequence: number): NewItem => {
        const base = anItemReceived('group commit');
        const payload = { ...base.payload, receiptNo: formatReceiptNo(day, sequence) };
        return {
          row: { id: base.itemId, receiptNo: payload.receiptNo, idempotencyKey, payload },
          event: { ...base, payload },
        };
      };

    it('inserts the batch one by one after a unique violation, failing only the twin', async () => {
      const { allocate, insert } = statements();
      const writer = intake.app.get(ItemWriter);
      // Made in one go: the first is flushed at once, alone; the other four wait and share the next flush.
      const builders = [anItem(), anItem(), anItem('gc-batch-twin'), anItem('gc-batch-twin'), anItem()];
      const outcomes = await Promise.allSettled(builders.map((build) => writer.write(day, build)));

      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
      expect(allocate).toHaveBeenCalledTimes(2);
      expect(insert.mock.calls.map(([items]) => items.length)).toEqual([1, 4, 1, 1, 1, 1]);
      const written = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.row.id] : []));
      const rows = await db.query<{ id: string }[]>('SELECT id FROM items WHERE id = ANY($1)', [written]);
      expect(rows).toHaveLength(4);
    });

    it('fails only the item whose builder throws', async () => {
      const writer = intake.app.get(ItemWriter);
      const broken = () => {
        throw new Error('cannot build');
      };
      const outcomes = await Promise.allSettled(
        [anItem(), anItem(), broken, anItem()].map((build) => writer.write(day, build)),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error('cannot build'));
    });
  });
});
