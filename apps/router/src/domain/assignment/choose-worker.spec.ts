import { chooseWorker, type WorkerState } from './choose-worker';

const worker = (id: string, overrides: Partial<WorkerState> = {}): WorkerState => ({
  id,
  unitId: 'ga-dc',
  skills: ['*'],
  capacity: 5,
  onDuty: true,
  active: 0,
  lastAssignedAt: null,
  ...overrides,
});

describe('chooseWorker', () => {
  it('takes the least loaded', () => {
    const chosen = chooseWorker([worker('a', { active: 3 }), worker('b', { active: 1 })], {});
    expect(chosen?.id).toBe('b');
  });

  it('breaks ties by the longest idle, never-assigned first', () => {
    const early = new Date('2026-11-25T08:00:00Z');
    const late = new Date('2026-11-25T09:00:00Z');
    expect(
      chooseWorker([worker('a', { lastAssignedAt: late }), worker('b', { lastAssignedAt: early })], {})?.id,
    ).toBe('b');
    expect(chooseWorker([worker('a', { lastAssignedAt: early }), worker('b')], {})?.id).toBe('b');
  });

  it('skips the off-duty, the unskilled, the full and the already tried', () => {
    const workers = [
      worker('off', { onDuty: false }),
      worker('unskilled', { skills: ['police.fraud'] }),
      worker('full', { active: 5 }),
      worker('tried'),
      worker('ok', { active: 4, skills: ['police.theft'] }),
    ];
    expect(chooseWorker(workers, { category: 'police.theft', exclude: ['tried'] })?.id).toBe('ok');
  });

  it('prefers the grid officer or earlier worker when eligible', () => {
    const workers = [worker('a'), worker('b', { active: 2 })];
    expect(chooseWorker(workers, { preferred: 'b' })?.id).toBe('b');
    expect(chooseWorker(workers, { preferred: 'b', exclude: ['b'] })?.id).toBe('a');
  });

  it('returns nobody when no one is eligible', () => {
    expect(chooseWorker([worker('a', { onDuty: false })], {})).toBeUndefined();
  });
});
