import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake, PermanentEventError, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import { DistributionCentersService } from '../distribution-centers/distribution-centers.service';
import { inboundProblem } from '../inbound/domain/inbound-purchase-order.util';
import { InboundService } from '../inbound/inbound.service';
import { ProductsService } from '../products/products.service';
import { snapshotProblem } from '../stock/domain/stock-snapshot.util';
import { StockService } from '../stock/stock.service';

/**
 * Keeps the product master, the distribution centres, stock (snapshots and movements) and inbound
 * purchase orders current from the ERP's events. A movement for an unknown SKU or DC is
 * dead-lettered with that reason, to be replayed once the master data has arrived. A purchase
 * order line is recorded whatever its SKU or DC (it replaces itself, so arrival order against the
 * master data does not matter); what it counts for is decided when it is read.
 */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly products: ProductsService,
    private readonly centers: DistributionCentersService,
    private readonly stock: StockService,
    private readonly inbound: InboundService,
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
      'erp.purchase-order.eta-changed.v1': async (payload, _event, tx) => {
        const problem = inboundProblem(payload);
        if (problem) throw new PermanentEventError(problem);
        await this.inbound.applyInboundEta(payload, tx);
      },
    });
  }
}
