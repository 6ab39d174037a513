import { Payload } from '@nestjs/microservices';
import { EventTopics, KafkaEventsController, type EventBatch } from '@app/messaging';
import { RecordProgressUseCase } from './record-progress.use-case';

/** Kafka entry point: routing and tracking events tell intake how its items are getting on. */
@KafkaEventsController()
export class DownstreamEventsHandler {
  constructor(private readonly recordProgress: RecordProgressUseCase) {}

  @EventTopics('routing', 'tracking')
  async onEvents(@Payload() batch: EventBatch): Promise<void> {
    await this.recordProgress.execute(batch.events);
  }
}
