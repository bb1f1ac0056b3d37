import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What one carrier can take from one DC on one ship date, and how much of it is booked. */
@Entity({ name: 'capacity_slot' })
@Index(['dcCode', 'shipDate'])
export class CapacitySlotEntity {
  @PrimaryColumn({ name: 'carrier_code', type: 'text' })
  carrierCode: string;

  @PrimaryColumn({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @PrimaryColumn({ name: 'ship_date', type: 'date' })
  shipDate: string;

  @Column({ name: 'capacity_kg', type: 'numeric', precision: 14, scale: 3, transformer: numericTransformer })
  capacityKg: number;

  @Column({ name: 'booked_kg', type: 'numeric', precision: 14, scale: 3, transformer: numericTransformer })
  bookedKg: number;
}
