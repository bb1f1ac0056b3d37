import type { ActionRankingDecision, ServiceRiskDecision } from '@ordex/decision';
import { CaseStatus } from '@ordex/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CommitmentDraft } from '../communication/domain/revised-commitment.util';
import type { NoteTriage } from '../triage/domain/note-triage.util';
import type { PriorityFactor, PriorityInputs } from './domain/priority.util';

/** What the customer ordered, as the case last saw it; `originalRequestedDate` is the first date asked for. */
export interface OrderSnapshot {
  currency: string;
  requestedDate: string;
  originalRequestedDate: string;
  lines: { lineNo: number; sku: string; quantity: number; unitPrice: number }[];
  /** The customer's name as the customer master had it; absent in snapshots taken before it was kept. */
  customerName?: string | null;
}

/** How the last assessment ordered the case's recommendations (each one's place is on the recommendation). */
export type CaseActionRanking = Omit<ActionRankingDecision, 'ranked'>;

/** Every exception on one order, worked as one case. */
@Entity({ name: 'case' })
@Index(['status', 'openedAt'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** At most one case per order is not CLOSED at a time. */
  @Column({ name: 'order_number', type: 'text' })
  orderNumber: string;

  /** The order's customer; null only for cases opened before ordex recorded it. */
  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId: string | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ type: 'int', default: 0 })
  priority: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The order's ERP version detection last evaluated; null before the first evaluation. */
  @Column({ name: 'erp_version', type: 'int', nullable: true })
  erpVersion: number | null;

  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true })
  evaluatedAt: Date | null;

  /** How often the case reopened after closing. */
  @Column({ name: 'reopened_count', type: 'int', default: 0 })
  reopenedCount: number;

  /** When it last reopened; null for a case that never closed. */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt: Date | null;

  /** Reopenings because an exception it had recurred within the rework window. */
  @Column({ name: 'rework_count', type: 'int', default: 0 })
  reworkCount: number;

  /** The region of the DC the order ships from: whose business calendar its SLAs run on. */
  @Column({ type: 'text', nullable: true })
  region: string | null;

  /** How the priority was reached, factor by factor. */
  @Column({ name: 'priority_factors', type: 'jsonb', default: [] })
  priorityFactors: PriorityFactor[];

  /** The service-risk decision of the last assessment: probability, model or rules, and why. */
  @Column({ name: 'service_risk', type: 'jsonb', nullable: true })
  serviceRisk: ServiceRiskDecision | null;

  /** What ordered the recommendations at the last assessment: the learned model or the rules, and why. */
  @Column({ name: 'action_ranking', type: 'jsonb', nullable: true })
  actionRanking: CaseActionRanking | null;

  /** How the order's notes were last triaged: the text read, its category and owning team; null without notes. */
  @Column({ name: 'note_triage', type: 'jsonb', nullable: true })
  noteTriage: NoteTriage | null;

  /** What the priority was computed from, kept so that the passing of time can rescore without the graph. */
  @Column({ name: 'priority_inputs', type: 'jsonb', nullable: true })
  priorityInputs: PriorityInputs | null;

  /** The order as the customer placed it (first requested date kept), for the customer message. */
  @Column({ name: 'order_snapshot', type: 'jsonb', nullable: true })
  orderSnapshot: OrderSnapshot | null;

  /** The revised-commitment message drafted from the resolution; null until there is one. */
  @Column({ name: 'customer_message', type: 'jsonb', nullable: true })
  customerMessage: (CommitmentDraft & { draftedAt: string }) | null;

  /** The decision-table versions the case is decided with, pinned when it first used each table. */
  @Column({ name: 'rule_versions', type: 'jsonb', default: {} })
  ruleVersions: Record<string, number>;
}
