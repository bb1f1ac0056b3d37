import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EventLogEntryEntity } from '../event-log/event-log-entry.entity';
import { DirectlyFollowsEdge, directlyFollowsGraph } from './domain/directly-follows.util';

/** The most event-log rows one process map reads; past it, the map covers the first objects only. */
export const PROCESS_MAP_MAX_ROWS = 200_000;

@Injectable()
export class ProcessMapService {
  constructor(
    @InjectRepository(EventLogEntryEntity) private readonly entries: Repository<EventLogEntryEntity>,
  ) {}

  /** The directly-follows graph of one object type's events. */
  async directlyFollows(objectType: string): Promise<DirectlyFollowsEdge[]> {
    const rows = await this.entries.find({
      select: { objectId: true, activity: true, occurredAt: true },
      where: { objectType },
      order: { objectId: 'ASC', occurredAt: 'ASC', eventId: 'ASC' },
      take: PROCESS_MAP_MAX_ROWS,
    });
    return directlyFollowsGraph(rows);
  }
}
