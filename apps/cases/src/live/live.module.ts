import { Module } from '@nestjs/common';
import { CaseUpdateFeed } from './case-update-feed.service';
import { CaseUpdatesResolver } from './case-updates.resolver';

/** Case changes pushed to GraphQL subscribers (through the gateway's WebSocket endpoint). */
@Module({ providers: [CaseUpdateFeed, CaseUpdatesResolver] })
export class LiveModule {}
