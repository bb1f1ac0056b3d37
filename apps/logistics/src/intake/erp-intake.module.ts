import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { CarriersModule } from '../carriers/carriers.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({ imports: [CarriersModule, CapacityModule], providers: [ApplyErpEventsListener] })
export class ErpIntakeModule {}
