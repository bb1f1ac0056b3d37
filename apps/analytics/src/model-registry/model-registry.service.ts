import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { parseModelArtifact, type LogisticModelArtifact } from '@ordex/decision';
import { clientError } from '@ordex/platform';
import { DataSource, Repository } from 'typeorm';
import { ModelStage } from './model-stage.enum';
import { ModelVersionEntity } from './model-version.entity';

/** The biggest model artifact the registry keeps (the services hold the champion in memory). */
export const MAX_ARTIFACT_BYTES = 512 * 1024;

/**
 * The model registry: every version of every learned model with its training window, metrics,
 * features and data fingerprint, and the model itself. A version arrives as SHADOW; a person other
 * than the one who registered it promotes it to CHAMPION (the one that serves, the previous one
 * retired in the same transaction); retiring the champion stops the model, and the services'
 * rules decide until another is promoted.
 */
@Injectable()
export class ModelRegistryService {
  constructor(
    @InjectRepository(ModelVersionEntity) private readonly versions: Repository<ModelVersionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Versions by model, newest first within each; only one model's when given. */
  versionsOf(model?: string | null): Promise<ModelVersionEntity[]> {
    return this.versions.find({
      where: model ? { model } : {},
      order: { model: 'ASC', createdAt: 'DESC', version: 'DESC' },
    });
  }

  /**
   * Registers a model written by `npm run train` as a SHADOW version of the model its artifact
   * names (any model ordex serves: service-risk, action-outcome).
   */
  async register(artifactJson: string, by: string): Promise<ModelVersionEntity> {
    if (Buffer.byteLength(artifactJson) > MAX_ARTIFACT_BYTES)
      throw clientError('BAD_USER_INPUT', `artifact is over ${MAX_ARTIFACT_BYTES} bytes`);
    let artifact: LogisticModelArtifact;
    try {
      artifact = parseModelArtifact(JSON.parse(artifactJson));
    } catch (error) {
      throw clientError(
        'BAD_USER_INPUT',
        `artifact: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO "analytics"."model_version"
         (model, version, stage, training_window_from, training_window_to, metrics, feature_list,
          data_fingerprint, artifact, registered_by)
       VALUES ($1, $2, 'SHADOW', $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (model, version) DO NOTHING RETURNING version`,
      [
        artifact.model,
        artifact.version,
        artifact.trainingWindow.from.slice(0, 10),
        artifact.trainingWindow.to.slice(0, 10),
        JSON.stringify(metricsOf(artifact)),
        artifact.features,
        artifact.dataFingerprint,
        JSON.stringify(artifact),
        by,
      ],
    );
    if (inserted.length === 0)
      throw clientError(
        'MODEL_STAGE_CONFLICT',
        `${artifact.model} ${artifact.version} is already registered`,
      );
    return this.one(artifact.model, artifact.version);
  }

  /** Makes a SHADOW version the champion, retiring the one before; never by its registrant. */
  async promote(model: string, version: string, by: string, now = new Date()): Promise<ModelVersionEntity> {
    await this.db.transaction(async (tx) => {
      const rows: { stage: ModelStage; registered_by: string | null }[] = await tx.query(
        `SELECT stage, registered_by FROM "analytics"."model_version" WHERE model = $1 AND version = $2 FOR UPDATE`,
        [model, version],
      );
      if (rows.length === 0) throw clientError('NOT_FOUND', `${model} ${version} is not registered`);
      if (rows[0].stage !== ModelStage.SHADOW)
        throw clientError(
          'MODEL_STAGE_CONFLICT',
          `${model} ${version} is ${rows[0].stage}: only a SHADOW version is promoted`,
        );
      if (rows[0].registered_by === by)
        throw clientError('FOUR_EYES', `${by} registered ${model} ${version}: someone else promotes it`);
      await tx.query(
        `UPDATE "analytics"."model_version" SET stage = 'RETIRED', retired_at = $2
          WHERE model = $1 AND stage = 'CHAMPION'`,
        [model, now],
      );
      await tx.query(
        `UPDATE "analytics"."model_version" SET stage = 'CHAMPION', promoted_by = $3, promoted_at = $4
          WHERE model = $1 AND version = $2`,
        [model, version, by, now],
      );
    });
    return this.one(model, version);
  }

  /** Retires a version; retiring the champion stops the model until another is promoted. */
  async retire(model: string, version: string, now = new Date()): Promise<ModelVersionEntity> {
    const [rows]: [{ stage: ModelStage }[], number] = await this.db.query(
      `UPDATE "analytics"."model_version" SET stage = 'RETIRED', retired_at = $3
        WHERE model = $1 AND version = $2 AND stage <> 'RETIRED' RETURNING stage`,
      [model, version, now],
    );
    if (rows.length === 0) {
      await this.one(model, version);
      throw clientError('MODEL_STAGE_CONFLICT', `${model} ${version} is already RETIRED`);
    }
    return this.one(model, version);
  }

  /** The champion of a model with its artifact, or null when none serves. */
  async champion(model: string): Promise<{ version: string; artifact: Record<string, unknown> } | null> {
    const rows: { version: string; artifact: Record<string, unknown> | null }[] = await this.db.query(
      `SELECT version, artifact FROM "analytics"."model_version" WHERE model = $1 AND stage = 'CHAMPION'`,
      [model],
    );
    return rows.length && rows[0].artifact ? { version: rows[0].version, artifact: rows[0].artifact } : null;
  }

  private async one(model: string, version: string): Promise<ModelVersionEntity> {
    const found = await this.versions.findOneBy({ model, version });
    if (!found) throw clientError('NOT_FOUND', `${model} ${version} is not registered`);
    return found;
  }
}

/** The figures the registry shows for a version: held-out ones when the trainer measured them. */
function metricsOf(artifact: LogisticModelArtifact): Record<string, number> {
  const metrics: Record<string, number> = { rows: artifact.rows, positiveRate: artifact.positiveRate };
  const heldOut = (artifact as LogisticModelArtifact & { heldOut?: unknown }).heldOut;
  if (heldOut && typeof heldOut === 'object') {
    const h = heldOut as {
      orders?: unknown;
      model?: Record<string, unknown>;
      rules?: Record<string, unknown>;
    };
    if (typeof h.orders === 'number') metrics.heldOutOrders = h.orders;
    for (const [prefix, scores] of [
      ['model', h.model],
      ['rules', h.rules],
    ] as const)
      for (const [name, value] of Object.entries(scores ?? {}))
        if (typeof value === 'number') metrics[`${prefix}${name[0].toUpperCase()}${name.slice(1)}`] = value;
  }
  return metrics;
}
