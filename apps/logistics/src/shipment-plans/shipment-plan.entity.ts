import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The DC, carrier and ship date chosen for an order. */
@Entity({ name: 'shipment_plan' })
@Index(['orderNumber'])
export class ShipmentPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @Column({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({ name: 'carrier_code', type: 'text' })
  carrierCode: string;

  @Column({ name: 'ship_date', type: 'date' })
  shipDate: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
