import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionTableEntity } from './decision-table.entity';
import { DecisionTableResolver } from './decision-table.resolver';
import { DecisionTablesService } from './decision-tables.service';

@Module({
  imports: [TypeOrmModule.forFeature([DecisionTableEntity])],
  providers: [DecisionTablesService, DecisionTableResolver],
  exports: [DecisionTablesService],
})
export class DecisionTablesModule {}
