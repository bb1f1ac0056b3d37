import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { InboundPurchaseOrder } from '@ordex/contracts';
import { groupByKeys } from '@ordex/platform';
import { EntityManager, In, MoreThan, Repository } from 'typeorm';
import { InboundPurchaseOrderEntity } from './inbound-purchase-order.entity';

export interface InboundFilter {
  sku?: string | null;
  dcCode?: string | null;
}

/** Open first by ETA, then by id so equal ETAs keep one order. */
const BY_ETA = { eta: 'ASC', id: 'ASC' } as const;

@Injectable()
export class InboundService {
  constructor(
    @InjectRepository(InboundPurchaseOrderEntity)
    private readonly inbound: Repository<InboundPurchaseOrderEntity>,
  ) {}

  /** The open purchase order lines of each SKU, by ETA then id: one query for all of them. */
  async openBySkus(skus: readonly string[]): Promise<InboundPurchaseOrderEntity[][]> {
    const rows = await this.inbound.find({
      where: { sku: In([...skus]), quantity: MoreThan(0) },
      order: BY_ETA,
    });
    return groupByKeys(skus, rows, (po) => po.sku);
  }

  /** Open purchase order lines of a SKU, a DC or both, by ETA then id. */
  open(filter: InboundFilter, first: number): Promise<InboundPurchaseOrderEntity[]> {
    return this.inbound.find({
      where: {
        quantity: MoreThan(0),
        ...(filter.sku != null ? { sku: filter.sku } : {}),
        ...(filter.dcCode != null ? { dcCode: filter.dcCode } : {}),
      },
      order: BY_ETA,
      take: first,
    });
  }

  /**
   * Records a purchase order line as the ERP now describes it (its ETA, quantity, SKU and DC);
   * quantity 0 closes it. The intake delivers one PO's events in order, so the last one wins.
   */
  async applyInboundEta(po: InboundPurchaseOrder, tx: EntityManager): Promise<void> {
    await tx.upsert(
      InboundPurchaseOrderEntity,
      { id: po.id, sku: po.sku, dcCode: po.dcCode, quantity: po.quantity, eta: po.eta },
      ['id'],
    );
  }
}
