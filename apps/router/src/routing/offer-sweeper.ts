import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RouterConfig } from '../router.config';
import { ExpireOffersUseCase } from './expire-offers.use-case';

/** Runs the lapsed-offer sweep every ROUTER_SWEEP_MS; one sweep at a time per instance. */
@Injectable()
export class OfferSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(OfferSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly expireOffers: ExpireOffersUseCase,
    private readonly config: RouterConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.ROUTER_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.expireOffers
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => this.log.warn(`offer sweep failed, will retry: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }
}
