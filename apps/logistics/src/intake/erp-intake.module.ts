import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({ imports: [CarriersModule], providers: [ApplyErpEventsListener] })
export class ErpIntakeModule {}
