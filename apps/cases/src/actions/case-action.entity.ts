import { numericTransformer } from '@ordex/platform';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RecommendedAction } from '../recommendations/recommended-action.enum';

export type ActionOrigin = 'PERSON' | 'POLICY';
export type ActionState = 'AWAITING_APPROVAL' | 'EXECUTING' | 'DONE' | 'REJECTED' | 'FAILED';

/** A recommendation someone (or policy) took on a case, and where it stands. */
@Entity({ name: 'case_action' })
export class CaseActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** Null for a case-level action (a customer notice, the release of the order). */
  @Column({ name: 'exception_id', type: 'uuid', nullable: true })
  exceptionId: string | null;

  @Column({ name: 'recommendation_id', type: 'uuid', nullable: true })
  recommendationId: string | null;

  /** A RecommendedAction, or RELEASE_ORDER for the release ordex sends once every exception is settled. */
  @Column({ type: 'text' })
  action: RecommendedAction | 'RELEASE_ORDER';

  @Column({ type: 'jsonb', default: {} })
  parameters: Record<string, string | number | boolean | null>;

  @Column({ type: 'numeric', transformer: numericTransformer })
  cost: number;

  @Column({ type: 'text' })
  origin: ActionOrigin;

  /** The person (token subject) or ordex's automation that took it. */
  @Column({ name: 'taken_by', type: 'text' })
  takenBy: string;

  @Column({ name: 'taken_at', type: 'timestamptz' })
  takenAt: Date;

  /** For POLICY actions: the automation-policy rule that allowed it. */
  @Column({ name: 'policy_rule', type: 'text', nullable: true })
  policyRule: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  state: ActionState;

  /** How it ended: approved by whom, the ERP's answer, the rejection's reason. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
