import { IsInt, Min } from 'class-validator';
import { ConfigValidationError, loadConfig } from './load-config';
import { ServiceConfig } from './common-config';

class DemoConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  WORKERS: number = 2;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers from strings', () => {
    const config = loadConfig(DemoConfig, { PORT: '4000', WORKERS: '3' });
    expect(config.PORT).toBe(4000);
    expect(config.WORKERS).toBe(3);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('names each invalid variable in the error', () => {
    const attempt = () =>
      loadConfig(DemoConfig, { WORKERS: '0', KAFKA_BROKERS: 'not a list', DATABASE_URL: 'mysql://x' });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('WORKERS');
      expect(message).toContain('KAFKA_BROKERS');
      expect(message).toContain('DATABASE_URL');
    }
  });
});
