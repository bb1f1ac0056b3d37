import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerResolver } from './customer.resolver';
import { RoutingRuleEntity } from './routing-rule.entity';
import { RoutingRuleResolver } from './routing-rule.resolver';
import { RoutingService } from './routing.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRuleEntity])],
  providers: [RoutingService, CustomerResolver, RoutingRuleResolver],
  exports: [RoutingService],
})
export class RoutingModule {}
