import { Module } from '@nestjs/common';
import { ProcessFactsService } from './process-facts.service';

@Module({ providers: [ProcessFactsService], exports: [ProcessFactsService] })
export class FactsModule {}
