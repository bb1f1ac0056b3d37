import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { OrderLineEntity } from './order-line.entity';
import { OrderLineResolver } from './order-line.resolver';
import { OrderEntity } from './order.entity';
import { OrderResolver } from './order.resolver';
import { OrdersService } from './orders.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrderEntity, OrderLineEntity]), CustomersModule],
  providers: [OrdersService, OrderResolver, OrderLineResolver],
  exports: [OrdersService],
})
export class OrdersModule {}
