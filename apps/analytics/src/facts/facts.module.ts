import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { ProcessFactsService } from './process-facts.service';

@Module({ imports: [KpisModule], providers: [ProcessFactsService], exports: [ProcessFactsService] })
export class FactsModule {}
