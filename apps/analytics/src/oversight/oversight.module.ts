import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { OversightMetricsService } from './oversight-metrics.service';
import { ServiceRiskOversightResolver } from './service-risk-oversight.resolver';
import { ServiceRiskOversightService } from './service-risk-oversight.service';

@Module({
  imports: [KpisModule],
  providers: [ServiceRiskOversightService, ServiceRiskOversightResolver, OversightMetricsService],
})
export class OversightModule {}
