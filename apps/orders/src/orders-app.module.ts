import { Module } from '@nestjs/common';
import { CustomersModule } from './customers/customers.module';
import { ErpIntakeModule } from './intake/erp-intake.module';
import { OrdersModule } from './orders/orders.module';

@Module({ imports: [CustomersModule, OrdersModule, ErpIntakeModule] })
export class OrdersAppModule {}
