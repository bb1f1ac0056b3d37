import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { ProcessFactsService } from './process-facts.service';

@Module({
  imports: [KpisModule, OutcomesModule],
  providers: [ProcessFactsService],
  exports: [ProcessFactsService],
})
export class FactsModule {}
