import { isTransientInfrastructureError } from './error-classification';

describe('isTransientInfrastructureError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [{ code: '40001' }],
    [new Error('Connection terminated unexpectedly')],
    [{ name: 'KafkaJSConnectionError', retriable: true }],
    [{ message: 'wrapped', cause: { code: 'ECONNRESET' } }],
  ])('treats %j as infrastructure being away', (error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    [new TypeError('Cannot read properties of undefined')],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '22P02', message: 'invalid input syntax for type uuid' }],
    [null],
    ['string'],
  ])('treats %j as a problem with the message', (error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
