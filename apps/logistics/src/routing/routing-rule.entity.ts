import type { DeliveryWindow } from '@ordex/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a customer's orders may be shipped. */
@Entity({ name: 'routing_rule' })
export class RoutingRuleEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ name: 'ship_complete', type: 'boolean' })
  shipComplete: boolean;

  @Column({ name: 'allowed_dcs', type: 'text', array: true })
  allowedDcs: string[];

  @Column({ name: 'preferred_dc', type: 'text', nullable: true })
  preferredDc: string | null;

  @Column({ name: 'delivery_windows', type: 'jsonb' })
  deliveryWindows: DeliveryWindow[];

  @Column({ name: 'allowed_carriers', type: 'text', array: true })
  allowedCarriers: string[];

  @Column({ name: 'excluded_carriers', type: 'text', array: true })
  excludedCarriers: string[];
}
