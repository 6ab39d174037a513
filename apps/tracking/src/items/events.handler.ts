import { EventPattern, Payload } from '@nestjs/microservices';
import { KafkaEventsController, type EventBatch } from '@app/messaging';
import { ProjectEventsUseCase } from './project-events.use-case';

/** Kafka entry points: tracking consumes every producer's events, one handler per topic. */
@KafkaEventsController()
export class EventsHandler {
  constructor(private readonly projectEvents: ProjectEventsUseCase) {}

  @EventPattern('intake')
  async onIntakeEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.projectEvents.execute(batch.events);
  }

  @EventPattern('routing')
  async onRoutingEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.projectEvents.execute(batch.events);
  }

  @EventPattern('tracking')
  async onTrackingEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.projectEvents.execute(batch.events);
  }
}
