import { trustProxySetting } from './http-edge';

describe('trustProxySetting', () => {
  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['loopback,10.0.0.0/8', 'loopback,10.0.0.0/8'],
  ])('%s → %p', (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });
});
