import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a carrier collects from a DC: its standard daily capacity and the day's cut-off. */
@Entity({ name: 'carrier_depot' })
@Index(['dcCode'])
export class CarrierDepotEntity {
  @PrimaryColumn({ name: 'carrier_code', type: 'text' })
  carrierCode: string;

  @PrimaryColumn({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({
    name: 'daily_capacity_kg',
    type: 'numeric',
    precision: 14,
    scale: 3,
    transformer: numericTransformer,
  })
  dailyCapacityKg: number;

  /** HH:MM, local time at the DC. */
  @Column({ name: 'cutoff_local_time', type: 'text' })
  cutoffLocalTime: string;

  /** IANA time zone of the DC. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;
}
