import { EventPattern, Payload } from '@nestjs/microservices';
import { KafkaEventsController, type EventBatch } from '@app/messaging';
import { RouteItemsUseCase } from './route-items.use-case';

/** Kafka entry point: translates a batch of intake events into one use-case call. */
@KafkaEventsController()
export class IntakeEventsHandler {
  constructor(private readonly routeItems: RouteItemsUseCase) {}

  @EventPattern('intake')
  async onIntakeEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.routeItems.execute(batch.events);
  }
}
