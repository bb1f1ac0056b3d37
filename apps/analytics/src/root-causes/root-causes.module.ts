import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RootCauseFindingEntity } from './root-cause-finding.entity';
import { RootCauseFindingResolver } from './root-cause-finding.resolver';
import { RootCausesService } from './root-causes.service';

@Module({
  imports: [TypeOrmModule.forFeature([RootCauseFindingEntity])],
  providers: [RootCausesService, RootCauseFindingResolver],
  exports: [RootCausesService],
})
export class RootCausesModule {}
