import type { EventEnvelope, ProducerName } from './envelope';
import { intakeEvents } from './intake.events';
import { routingEvents } from './routing.events';
import type { LogicalTopic } from './topics';
import { trackingEvents } from './tracking.events';

export interface EventDefinition {
  version: number;
  topic: LogicalTopic;
  producer: ProducerName;
  schema: new () => object;
}

/** Every event type the system knows: its version, topic, producer and payload schema. */
export const EventCatalog = { ...intakeEvents, ...routingEvents, ...trackingEvents } satisfies Record<
  string,
  EventDefinition
>;

export type EventType = keyof typeof EventCatalog;
export type PayloadOf<T extends EventType> = InstanceType<(typeof EventCatalog)[T]['schema']>;
export type EventOf<T extends EventType> = EventEnvelope<T, PayloadOf<T>>;
/** Discriminated union of all events, narrowed by `type`. */
export type AnyEvent = { [K in EventType]: EventOf<K> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}
