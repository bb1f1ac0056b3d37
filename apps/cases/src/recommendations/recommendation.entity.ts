import type { ActionInput, FeatureContribution } from '@ordex/decision';
import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecommendedAction } from './recommended-action.enum';

/** A next best action proposed for a case, with what it costs and changes. */
@Entity({ name: 'recommendation' })
@Index(['caseId', 'rank'])
export class RecommendationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'exception_id', type: 'uuid', nullable: true })
  exceptionId: string | null;

  @Column({ type: 'text' })
  action: RecommendedAction;

  @Column({ type: 'numeric', transformer: numericTransformer })
  cost: number;

  @Column({ name: 'margin_effect', type: 'numeric', transformer: numericTransformer })
  marginEffect: number;

  @Column({ name: 'date_effect_days', type: 'int' })
  dateEffectDays: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  confidence: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'boolean' })
  automatable: boolean;

  /** Whether the automation policy lets it run without a person, and the rule that said so. */
  @Column({ name: 'policy_rule', type: 'text', nullable: true })
  policyRule: string | null;

  /** What executing it needs, e.g. {lineNo, dcCode, quantity}. */
  @Column({ type: 'jsonb', default: {} })
  parameters: Record<string, string | number | boolean | null>;

  /** Its place among the case's recommendations, 1 the best: the learned ranking's, or the rules'. */
  @Column({ type: 'int' })
  rank: number;

  /** The action-outcome model's probability that it succeeds; null when the rules ranked. */
  @Column({
    name: 'success_probability',
    type: 'numeric',
    precision: 5,
    scale: 4,
    nullable: true,
    transformer: numericTransformer,
  })
  successProbability: number | null;

  /** What moved its success probability most, largest first; empty when the rules ranked. */
  @Column({ name: 'ranking_explanation', type: 'jsonb', default: [] })
  rankingExplanation: FeatureContribution[];

  /**
   * What it was ranked on (the action-outcome model's inputs), whoever ranked it; carried with the
   * action taken on it to analytics, where it becomes a training example once the fate is known.
   * Null on recommendations made before ordex kept it.
   */
  @Column({ name: 'ranking_input', type: 'jsonb', nullable: true })
  rankingInput: ActionInput | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
