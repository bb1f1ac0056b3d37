import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of a decision table; a change is a new version, never an edit. */
@Entity({ name: 'decision_table' })
export class DecisionTableEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  /** The rules, as a GoRules JSON Decision Model document. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text' })
  comment: string;
}
