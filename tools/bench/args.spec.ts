import { DEFAULTS, parseBenchArgs } from './args';

describe('bench arguments', () => {
  it('has defaults for a self-contained run', () => {
    const options = parseBenchArgs([]);
    expect(options.rates).toEqual(DEFAULTS.rates);
    expect(options.duration).toBe(20);
    expect(options.concurrency).toBe(32);
    expect(options.intake).toBeUndefined();
    expect(options.texts).toBe('varied');
  });

  it('reads rates, durations, phases to skip and service environment', () => {
    const options = parseBenchArgs([
      '--rates',
      '100, 250',
      '--duration',
      '10',
      '--concurrency',
      '8',
      '--skip',
      'baselines,search',
      '--env',
      'OUTBOX_BATCH_SIZE=1000',
      '--label',
      'relay batch 1000',
      '--texts',
      'same',
    ]);
    expect(options).toMatchObject({
      rates: [100, 250],
      duration: 10,
      concurrency: 8,
      label: 'relay batch 1000',
      texts: 'same',
    });
    expect([...options.skip]).toEqual(['baselines', 'search']);
    expect(options.serviceEnv).toEqual({ OUTBOX_BATCH_SIZE: '1000' });
  });

  it('refuses what it does not know, with the usage', () => {
    expect(() => parseBenchArgs(['--rate', '5'])).toThrow(/unknown option --rate[\s\S]*usage/);
    expect(() => parseBenchArgs(['--rates', '0'])).toThrow(/positive/);
    expect(() => parseBenchArgs(['--skip', 'everything'])).toThrow(/unknown phase/);
    expect(() => parseBenchArgs(['--texts', 'lorem'])).toThrow(/unknown --texts/);
    expect(() => parseBenchArgs(['--intake', 'http://127.0.0.1:3001'])).toThrow(/--token/);
  });
});
