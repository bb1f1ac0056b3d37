import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseUpdateCompletionResolver } from './case-update-completion.resolver';
import { CaseUpdateFeed } from './case-update-feed.service';
import { CaseUpdatesResolver } from './case-updates.resolver';

/** Case changes pushed to GraphQL subscribers (through the gateway's WebSocket endpoint). */
@Module({
  imports: [CasesModule],
  providers: [CaseUpdateFeed, CaseUpdatesResolver, CaseUpdateCompletionResolver],
})
export class LiveModule {}
