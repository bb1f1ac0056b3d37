import { numericTransformer } from '@ordex/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One value of a KPI for one time bucket, overall (dimension '') or for one slice of the operation. */
@Entity({ name: 'kpi_point' })
export class KpiPointEntity {
  @PrimaryColumn({ type: 'text' })
  kpi: string;

  @PrimaryColumn({ name: 'bucket_start', type: 'timestamptz' })
  bucketStart: Date;

  @PrimaryColumn({ type: 'text', default: '' })
  dimension: string;

  @Column({ type: 'numeric', transformer: numericTransformer })
  value: number;
}
