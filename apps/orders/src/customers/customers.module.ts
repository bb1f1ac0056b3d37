import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerEntity } from './customer.entity';
import { CustomerResolver } from './customer.resolver';
import { CustomersService } from './customers.service';
import { ShipToEntity } from './ship-to.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, ShipToEntity])],
  providers: [CustomersService, CustomerResolver],
  exports: [CustomersService],
})
export class CustomersModule {}
