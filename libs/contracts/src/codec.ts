import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import {
  EventCatalog,
  isEventType,
  type AnyEvent,
  type EventOf,
  type EventType,
  type PayloadOf,
} from './catalog';
import { EnvelopeSchema } from './envelope';

export type DecodeResult =
  | { ok: true; event: AnyEvent }
  /** Well-formed envelope of a type this build does not know: skip it, do not dead-letter it. */
  | { ok: false; kind: 'unknown-type'; type: string; reason: string }
  | { ok: false; kind: 'malformed'; reason: string };

function describe(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const field = path ? `${path}.${e.property}` : e.property;
    return [
      ...Object.entries(e.constraints ?? {}).map(([rule]) => `${field}: ${rule}`),
      ...describe(e.children ?? [], field),
    ];
  });
}

function validate(schema: new () => object, plain: unknown): string[] {
  const instance = plainToInstance(schema, plain);
  return describe(validateSync(instance, { forbidUnknownValues: true }));
}

/** Parses and validates a Kafka message value with the same contract rules producers use. */
export function decodeEvent(raw: Buffer | string | null | undefined): DecodeResult {
  if (raw === null || raw === undefined)
    return { ok: false, kind: 'malformed', reason: 'empty message value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return { ok: false, kind: 'malformed', reason: 'value is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, kind: 'malformed', reason: 'value is not a JSON object' };
  }
  const envelopeProblems = validate(EnvelopeSchema, parsed);
  if (envelopeProblems.length > 0) {
    return { ok: false, kind: 'malformed', reason: `invalid envelope: ${envelopeProblems.join('; ')}` };
  }
  const envelope = parsed as { type: string; version: number; payload: unknown };
  if (!isEventType(envelope.type)) {
    return {
      ok: false,
      kind: 'unknown-type',
      type: envelope.type,
      reason: `unknown event type ${envelope.type}`,
    };
  }
  const definition = EventCatalog[envelope.type];
  if (envelope.version !== definition.version) {
    return {
      ok: false,
      kind: 'unknown-type',
      type: envelope.type,
      reason: `unsupported version ${envelope.version} of ${envelope.type}`,
    };
  }
  const payloadProblems = validate(definition.schema, envelope.payload);
  if (payloadProblems.length > 0) {
    return {
      ok: false,
      kind: 'malformed',
      reason: `invalid ${envelope.type} payload: ${payloadProblems.join('; ')}`,
    };
  }
  return { ok: true, event: parsed as AnyEvent };
}

export interface EventMeta {
  correlationId: string;
  causationId?: string;
  occurredAt?: Date;
  eventId?: string;
}

/** Builds an envelope for a known event type; throws if the payload breaks the contract (a programming error). */
export function createEvent<T extends EventType>(
  type: T,
  itemId: string,
  payload: PayloadOf<T>,
  meta: EventMeta,
): EventOf<T> {
  const definition = EventCatalog[type];
  const problems = validate(definition.schema, payload);
  if (problems.length > 0) throw new Error(`Refusing to emit invalid ${type}: ${problems.join('; ')}`);
  return {
    eventId: meta.eventId ?? randomUUID(),
    type,
    version: definition.version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    itemId,
    correlationId: meta.correlationId,
    ...(meta.causationId ? { causationId: meta.causationId } : {}),
    producer: definition.producer,
    payload,
  };
}
