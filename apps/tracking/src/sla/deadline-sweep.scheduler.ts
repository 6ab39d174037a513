import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TrackingConfig } from '../tracking.config';
import { DeadlineSweepUseCase } from './deadline-sweep.use-case';

/** Runs the deadline sweep every SLA_SWEEP_MS, one pass at a time. */
@Injectable()
export class DeadlineSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineSweep');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly sweep: DeadlineSweepUseCase,
    private readonly config: TrackingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SLA_SWEEP_MS === 0) return;
    this.timer = setInterval(() => this.tick(), this.config.SLA_SWEEP_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweep
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`deadline sweep failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
