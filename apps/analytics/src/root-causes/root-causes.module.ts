import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RootCauseAnalysisService } from './root-cause-analysis.service';
import { ROOT_CAUSE_SETTINGS, rootCauseSettingsFrom } from './root-cause.settings';
import { RootCauseFindingEntity } from './root-cause-finding.entity';
import { RootCauseFindingResolver } from './root-cause-finding.resolver';
import { RootCausesService } from './root-causes.service';

@Module({
  imports: [TypeOrmModule.forFeature([RootCauseFindingEntity])],
  providers: [
    { provide: ROOT_CAUSE_SETTINGS, useFactory: () => rootCauseSettingsFrom(process.env) },
    RootCausesService,
    RootCauseAnalysisService,
    RootCauseFindingResolver,
  ],
  exports: [RootCausesService, RootCauseAnalysisService],
})
export class RootCausesModule {}
