import type { RunServiceOptions } from '@app/runtime';
import type { IntakeConfig } from './intake.config';

/** How the intake service runs: consuming routing and tracking events for its items' progress; per-channel body limits. */
export function intakeServiceOptions(config: IntakeConfig): RunServiceOptions {
  return {
    title: '一门进出 · 受理服务 (intake)',
    description: '各渠道诉求受理：校验、发放受理编号、写入发件箱并发布到 Kafka',
    consumes: true,
    routeBodyLimits: [
      { path: '/api/v1/portal', limit: config.PORTAL_BODY_LIMIT, kind: 'form' },
      {
        path: '/api/v1/batch',
        limit: config.BATCH_BODY_LIMIT,
        kind: 'text',
        types: ['text/csv', 'application/x-ndjson', 'application/jsonl'],
      },
    ],
  };
}
