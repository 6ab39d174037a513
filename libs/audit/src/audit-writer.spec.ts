import { Logger } from '@nestjs/common';
import type { AuditEntry } from './audit-entry';
import { AUDIT_LINGER_MS, AuditWriter } from './audit-writer';
import type { AuditRepository } from './audit.repository';

const entry = (targetId: string): Omit<AuditEntry, 'entryId' | 'service'> => ({
  at: new Date('2026-11-25T08:00:00Z'),
  action: 'change',
  actorId: 'ga-dc-01',
  actorUsername: 'ga-dc-01',
  actorRole: 'worker',
  actorAgency: 'police',
  actorUnitId: 'ga-dc',
  method: 'POST',
  route: '/api/v1/items/:itemId/notes',
  targetType: null,
  targetId,
  params: { itemId: targetId },
  status: 201,
  correlationId: 'c-1',
  clientAddress: '127.0.0.1',
});

describe('AuditWriter', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes entries in batches, each with its own id and the service name', async () => {
    const written: AuditEntry[] = [];
    const writer = new AuditWriter(
      {
        insert: (batch: AuditEntry[]) => Promise.resolve(void written.push(...batch)),
      } as unknown as AuditRepository,
      'tracking',
    );
    writer.record(entry('i-1'));
    writer.record(entry('i-2'));
    await writer.flush();
    expect(written.map((e) => [e.service, e.targetId])).toEqual([
      ['tracking', 'i-1'],
      ['tracking', 'i-2'],
    ]);
    expect(new Set(written.map((e) => e.entryId)).size).toBe(2);
    expect(writer.pending).toBe(0);
  });

  it('gathers the entries recorded within the linger time into one insert', async () => {
    jest.useFakeTimers();
    try {
      const inserts: string[][] = [];
      const writer = new AuditWriter(
        {
          insert: (batch: AuditEntry[]) => Promise.resolve(void inserts.push(batch.map((e) => e.targetId!))),
        } as unknown as AuditRepository,
        'intake',
      );
      writer.record(entry('i-1'));
      await jest.advanceTimersByTimeAsync(AUDIT_LINGER_MS - 1);
      writer.record(entry('i-2'));
      expect(inserts).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(inserts).toEqual([['i-1', 'i-2']]);
      writer.record(entry('i-3'));
      await jest.advanceTimersByTimeAsync(AUDIT_LINGER_MS);
      expect(inserts).toEqual([['i-1', 'i-2'], ['i-3']]);
      expect(writer.pending).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps entries while the database refuses, and writes them to the error log if it must stop', async () => {
    let down = true;
    const written: AuditEntry[] = [];
    const writer = new AuditWriter(
      {
        insert: (batch: AuditEntry[]) =>
          down
            ? Promise.reject(new Error('connection refused'))
            : Promise.resolve(void written.push(...batch)),
      } as unknown as AuditRepository,
      'intake',
    );
    writer.record(entry('i-1'));
    await writer.flush();
    expect(writer.pending).toBe(1);
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ pending: 1 }),
      expect.stringContaining('AUDIT WRITE FAILED'),
    );

    down = false;
    await writer.flush();
    expect(written.map((e) => e.targetId)).toEqual(['i-1']);

    down = true;
    writer.record(entry('i-2'));
    await writer.beforeApplicationShutdown();
    writer.onApplicationShutdown();
    expect(writer.pending).toBe(0);
    expect(errors).toHaveBeenCalledWith(
      { auditEntry: expect.objectContaining({ targetId: 'i-2' }) as unknown },
      'AUDIT ENTRY NOT STORED (audit entries not written before shutdown)',
    );
  });
});
