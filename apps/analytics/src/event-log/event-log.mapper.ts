import type { EventLogEntryObject } from './event-log-entry.object';
import type { LoggedEvent } from './event-log.service';

export function toEventLogEntryObject(event: LoggedEvent): EventLogEntryObject {
  const [chief] = event.objects;
  return {
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    activity: event.activity,
    objectType: chief?.type ?? '',
    objectId: chief?.id ?? '',
    actor: event.actor,
    team: event.team,
    objects: event.objects,
    source: event.source,
    attributes: JSON.stringify(event.attributes),
  };
}
