import { EventPattern, Payload } from '@nestjs/microservices';
import { KafkaEventsController, type EventBatch } from '@app/messaging';
import { ApplyTrackingEventsUseCase } from './apply-tracking-events.use-case';
import { RouteItemsUseCase } from './route-items.use-case';

/** Kafka entry points: each topic's batch becomes one use-case call. */
@KafkaEventsController()
export class RouterEventsHandler {
  constructor(
    private readonly routeItems: RouteItemsUseCase,
    private readonly applyTrackingEvents: ApplyTrackingEventsUseCase,
  ) {}

  @EventPattern('intake')
  async onIntakeEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.routeItems.execute(batch.events);
  }

  @EventPattern('tracking')
  async onTrackingEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.applyTrackingEvents.execute(batch.events);
  }
}
