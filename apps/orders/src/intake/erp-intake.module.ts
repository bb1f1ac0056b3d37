import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OrdersModule } from '../orders/orders.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';

@Module({ imports: [CustomersModule, OrdersModule], providers: [ApplyErpEventsListener] })
export class ErpIntakeModule {}
