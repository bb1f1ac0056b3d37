import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One path through the process: a distinct sequence of activities, and how many objects took it. */
@Entity({ name: 'process_variant' })
@Index(['objectType', 'caseCount'])
export class ProcessVariantEntity {
  /** A hash of the activity sequence. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: string;

  @Column({ type: 'text', array: true })
  activities: string[];

  @Column({ name: 'case_count', type: 'int' })
  caseCount: number;

  @Column({
    name: 'median_duration_seconds',
    type: 'numeric',
    nullable: true,
    transformer: numericTransformer,
  })
  medianDurationSeconds: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
