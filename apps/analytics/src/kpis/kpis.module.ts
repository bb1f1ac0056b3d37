import { Module } from '@nestjs/common';
import { KpiLedgerService } from './kpi-ledger.service';
import { KPI_SETTINGS, kpiSettingsFrom } from './kpi.settings';
import { KpiResolver } from './kpi.resolver';
import { KpisService } from './kpis.service';

@Module({
  providers: [
    { provide: KPI_SETTINGS, useFactory: () => kpiSettingsFrom(process.env) },
    KpisService,
    KpiLedgerService,
    KpiResolver,
  ],
  exports: [KpisService, KpiLedgerService, KPI_SETTINGS],
})
export class KpisModule {}
