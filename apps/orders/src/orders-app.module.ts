import { Module } from '@nestjs/common';
import { CustomersModule } from './customers/customers.module';
import { HoldsModule } from './holds/holds.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { OrdersModule } from './orders/orders.module';

@Module({ imports: [CustomersModule, OrdersModule, HoldsModule, ErpIntakeModule] })
export class OrdersAppModule {}
