import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { ActionOutcomesResolver } from './action-outcomes.resolver';
import { ActionOutcomesService } from './action-outcomes.service';

@Module({
  imports: [KpisModule],
  providers: [ActionOutcomesService, ActionOutcomesResolver],
  exports: [ActionOutcomesService],
})
export class OutcomesModule {}
