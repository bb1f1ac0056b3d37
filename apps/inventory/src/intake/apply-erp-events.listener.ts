import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake, PermanentEventError, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import { DistributionCentersService } from '../distribution-centers/distribution-centers.service';
import { ProductsService } from '../products/products.service';
import { snapshotProblem } from '../stock/domain/stock-snapshot.util';
import { StockService } from '../stock/stock.service';

/**
 * Keeps the product master, the distribution centres, stock (snapshots and movements) and inbound
 * purchase orders current from the ERP's events. A movement for an unknown SKU or DC is
 * dead-lettered with that reason, to be replayed once the master data has arrived.
 */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly products: ProductsService,
    private readonly centers: DistributionCentersService,
    private readonly stock: StockService,
  ) {}

  onModuleInit(): void {
    this.intake.register('inventory-erp-intake', {
      'erp.product.changed.v1': (payload, _event, tx) => this.products.applyProductChanged(payload, tx),
      'erp.dc.changed.v1': (payload, _event, tx) => this.centers.applyDistributionCenterChanged(payload, tx),
      'erp.stock.snapshot.v1': async (payload, event, tx) => {
        const problem = snapshotProblem(payload);
        if (problem) throw new PermanentEventError(problem);
        if ((await this.stock.applySnapshot(payload, tx)) === 'stale') {
          this.logger.info(
            { eventId: event.id, dcCode: payload.dcCode, asOf: payload.asOf },
            'older stock snapshot ignored',
          );
        }
      },
      'erp.stock.adjusted.v1': async (payload, _event, tx) => {
        const outcome = await this.stock.applyAdjustment(payload, tx);
        if (outcome === 'unknown-sku') throw new PermanentEventError(`unknown SKU ${payload.sku}`);
        if (outcome === 'unknown-dc')
          throw new PermanentEventError(`unknown distribution centre ${payload.dcCode}`);
      },
      'erp.purchase-order.eta-changed.v1': (payload, _event, tx) => this.stock.applyInboundEta(payload, tx),
    });
  }
}
