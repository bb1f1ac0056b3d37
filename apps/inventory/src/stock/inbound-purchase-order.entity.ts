import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A purchase order on its way to a distribution centre. */
@Entity({ name: 'inbound_purchase_order' })
@Index(['sku'])
export class InboundPurchaseOrderEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  sku: string;

  @Column({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'date' })
  eta: string;
}
