import type { EventLogEntryEntity } from './event-log-entry.entity';
import type { EventLogEntryObject } from './event-log-entry.object';

export function toEventLogEntryObject(entity: EventLogEntryEntity): EventLogEntryObject {
  return {
    eventId: entity.eventId,
    occurredAt: entity.occurredAt,
    activity: entity.activity,
    objectType: entity.objectType,
    objectId: entity.objectId,
    source: entity.source,
    attributes: JSON.stringify(entity.attributes),
  };
}
