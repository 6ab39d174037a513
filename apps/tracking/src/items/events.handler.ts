import { Payload } from '@nestjs/microservices';
import { EventTopics, KafkaEventsController, type EventBatch } from '@app/messaging';
import { ProjectEventsUseCase } from './project-events.use-case';

/** Kafka entry point: tracking consumes every producer's events, a fetch's worth of all topics in one call. */
@KafkaEventsController()
export class EventsHandler {
  constructor(private readonly projectEvents: ProjectEventsUseCase) {}

  @EventTopics('intake', 'routing', 'tracking')
  async onEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.projectEvents.execute(batch.events);
  }
}
