import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionEngineService } from './decision-engine.service';
import { DecisionTablePublisher } from './decision-table-publisher.service';
import { DecisionTableEntity } from './decision-table.entity';
import { DecisionTableResolver } from './decision-table.resolver';
import { DecisionTablesService } from './decision-tables.service';

@Module({
  imports: [TypeOrmModule.forFeature([DecisionTableEntity])],
  providers: [DecisionTablesService, DecisionEngineService, DecisionTablePublisher, DecisionTableResolver],
  exports: [DecisionTablesService, DecisionEngineService, DecisionTablePublisher],
})
export class DecisionTablesModule {}
