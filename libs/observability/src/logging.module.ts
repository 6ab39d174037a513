import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Personal data never reaches the logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.mobile',
  '*.idCard',
  '*.citizen',
  'citizen',
];

/**
 * Structured JSON logs. Each HTTP request carries a correlation id (taken from `x-correlation-id` or made
 * fresh); Kafka handlers log with the correlation id from the message headers.
 */
export function loggingModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      redact: REDACTED_PATHS,
      genReqId: (req, res) => {
        const incoming = req.headers[CORRELATION_HEADER];
        const id = typeof incoming === 'string' && incoming.length <= 100 ? incoming : randomUUID();
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (req) => ({ correlationId: req.id }),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      },
    },
  });
}
