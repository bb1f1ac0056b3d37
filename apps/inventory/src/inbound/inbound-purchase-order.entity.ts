import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A purchase order line on its way to a distribution centre, as the ERP last described it.
 * Quantity 0 is a closed line (received or cancelled): kept, but it no longer counts.
 */
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

  /** YYYY-MM-DD (TypeORM reads a date column as that string). */
  @Column({ type: 'date' })
  eta: string;
}
