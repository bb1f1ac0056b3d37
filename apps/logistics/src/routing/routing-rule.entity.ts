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
}
