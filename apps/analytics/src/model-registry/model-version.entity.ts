import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ModelStage } from './model-stage.enum';

/** One trained version of a learned model, with what it was trained on and how well it did. */
@Entity({ name: 'model_version' })
export class ModelVersionEntity {
  @PrimaryColumn({ type: 'text' })
  model: string;

  @PrimaryColumn({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  stage: ModelStage;

  @Column({ name: 'training_window_from', type: 'date' })
  trainingWindowFrom: string;

  @Column({ name: 'training_window_to', type: 'date' })
  trainingWindowTo: string;

  @Column({ type: 'jsonb' })
  metrics: Record<string, number>;

  @Column({ name: 'feature_list', type: 'text', array: true })
  featureList: string[];

  @Column({ name: 'data_fingerprint', type: 'text' })
  dataFingerprint: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The model itself, as the services load it; null for versions registered without one. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  artifact: Record<string, unknown> | null;

  @Column({ name: 'registered_by', type: 'text', nullable: true })
  registeredBy: string | null;

  @Column({ name: 'promoted_by', type: 'text', nullable: true })
  promotedBy: string | null;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
