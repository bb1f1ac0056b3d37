import { ExceptionCategory, Team } from '@ordex/contracts';
import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A slice of the operation where one exception category is over-represented, for a team to act on. */
@Entity({ name: 'root_cause_finding' })
@Index(['category', 'lift'])
export class RootCauseFindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  category: ExceptionCategory;

  /** The slice, e.g. {"segment": "KEY_ACCOUNT"}. */
  @Column({ type: 'jsonb' })
  dimensions: Record<string, string>;

  @Column({ type: 'numeric', transformer: numericTransformer })
  support: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  lift: number;

  @Column({ name: 'p_value', type: 'numeric', transformer: numericTransformer })
  pValue: number;

  @Column({ name: 'addressed_to', type: 'text' })
  addressedTo: Team;

  /** The upstream owner of the cause: contracts, replenishment, finance workflow, master data… */
  @Column({ type: 'text' })
  owner: string;

  /** 1 for the category's strongest finding. */
  @Column({ type: 'int' })
  rank: number;

  /** Orders in the slice. */
  @Column({ type: 'int' })
  units: number;

  /** Orders in the slice with the category. */
  @Column({ type: 'int' })
  count: number;

  /** The category's rate over all orders. */
  @Column({ type: 'numeric', transformer: numericTransformer })
  baseline: number;

  @Column({ name: 'adjusted_p_value', type: 'numeric', transformer: numericTransformer })
  adjustedPValue: number;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;
}
