import { Module } from '@nestjs/common';
import { DecisionTablesModule } from '../decision-tables/decision-tables.module';
import { PolicyBacktestResolver } from './policy-backtest.resolver';
import { PolicyBacktestService } from './policy-backtest.service';

@Module({
  imports: [DecisionTablesModule],
  providers: [PolicyBacktestService, PolicyBacktestResolver],
})
export class BacktestModule {}
