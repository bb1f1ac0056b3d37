import { Region } from '@ordex/contracts';
import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A route a carrier serves from a distribution centre into a region. */
@Entity({ name: 'lane' })
@Index(['carrierCode'])
@Index(['carrierCode', 'dcCode', 'region'], { unique: true })
export class LaneEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'carrier_code', type: 'text' })
  carrierCode: string;

  @Column({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({ type: 'text' })
  region: Region;

  @Column({ name: 'transit_days', type: 'int' })
  transitDays: number;

  @Column({ name: 'cost_per_kg', type: 'numeric', precision: 12, scale: 4, transformer: numericTransformer })
  costPerKg: number;

  @Column({
    name: 'minimum_charge',
    type: 'numeric',
    precision: 12,
    scale: 2,
    transformer: numericTransformer,
  })
  minimumCharge: number;
}
