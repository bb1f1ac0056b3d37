import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { ActionRankingOversightResolver } from './action-ranking-oversight.resolver';
import { ActionRankingOversightService } from './action-ranking-oversight.service';
import { OversightMetricsService } from './oversight-metrics.service';
import { ServiceRiskOversightResolver } from './service-risk-oversight.resolver';
import { ServiceRiskOversightService } from './service-risk-oversight.service';

@Module({
  imports: [KpisModule, OutcomesModule],
  providers: [
    ServiceRiskOversightService,
    ServiceRiskOversightResolver,
    OversightMetricsService,
    ActionRankingOversightService,
    ActionRankingOversightResolver,
  ],
})
export class OversightModule {}
