import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  decideServiceRisk,
  DEFAULT_RISK_DECISION_POLICY,
  parseRiskModelArtifact,
  RiskModel,
  type RiskDecisionPolicy,
  type RiskInput,
  type RiskModelArtifact,
  type ServiceRiskDecision,
} from '@ordex/decision';
import { GRAPH_CLIENT, type GraphClient, loadConfig, PollingLoop } from '@ordex/platform';
import { z } from 'zod';

/** The model's name in the registry. */
export const SERVICE_RISK_MODEL = 'service-risk';

const schema = z.object({
  /** A model written by `npm run train`, served until the registry says otherwise. */
  SERVICE_RISK_MODEL_PATH: z.string().optional(),
  SERVICE_RISK_BUDGET_MS: z.coerce.number().positive().default(DEFAULT_RISK_DECISION_POLICY.budgetMs),
  SERVICE_RISK_UNSURE_BAND: z.coerce
    .number()
    .min(0)
    .max(0.5)
    .default(DEFAULT_RISK_DECISION_POLICY.unsureBand),
  /** How often the registry's champion is checked; 0 never (the file, if any, serves). */
  SERVICE_RISK_REFRESH_MS: z.coerce.number().int().min(0).default(60_000),
});

/**
 * The service-risk model as the cases service runs it. The model registry's champion serves: it
 * is checked every `SERVICE_RISK_REFRESH_MS` through the graph, so promoting a version puts it to
 * work and retiring the champion stops it, in every instance, within that time.
 * `SERVICE_RISK_MODEL_PATH` serves a file until the registry first answers (or always, without a
 * graph). Every decision goes through `decide`, which falls back to the rules whenever the model
 * may not decide, and says why.
 */
@Injectable()
export class ServiceRiskService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ServiceRiskService.name);
  private model: RiskModel | null = null;
  private readonly policy: RiskDecisionPolicy;
  private readonly path: string | undefined;
  private readonly loop: PollingLoop | null;

  constructor(@Inject(GRAPH_CLIENT) private readonly graph: GraphClient | null = null) {
    const config = loadConfig('cases', schema, process.env);
    this.policy = { budgetMs: config.SERVICE_RISK_BUDGET_MS, unsureBand: config.SERVICE_RISK_UNSURE_BAND };
    this.path = config.SERVICE_RISK_MODEL_PATH;
    this.loop =
      graph && config.SERVICE_RISK_REFRESH_MS > 0
        ? new PollingLoop(
            async () => (await this.refresh(), false),
            config.SERVICE_RISK_REFRESH_MS,
            (error) =>
              this.logger.warn(`model registry not reachable; the model serving stays: ${String(error)}`),
          )
        : null;
  }

  onModuleInit(): void {
    if (this.path)
      try {
        this.use(parseRiskModelArtifact(JSON.parse(readFileSync(this.path, 'utf8'))));
      } catch (error) {
        this.logger.error(`service-risk model ${this.path} did not load; the rules decide: ${String(error)}`);
      }
    this.loop?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Serves this model from now on; null stops the model (the rules decide every case). */
  use(artifact: RiskModelArtifact | null): void {
    if ((artifact?.version ?? null) === this.modelVersion) return;
    this.model = artifact ? new RiskModel(artifact) : null;
    this.logger.log(
      artifact ? `service-risk model ${artifact.version} serves` : 'service-risk model stopped',
    );
  }

  get modelVersion(): string | null {
    return this.model?.artifact.version ?? null;
  }

  decide(input: RiskInput): ServiceRiskDecision {
    return decideServiceRisk(this.model, input, this.policy);
  }

  /** Serves the registry's champion, or stops the model when there is none. */
  async refresh(): Promise<void> {
    const { data, errors } = await (this.graph as GraphClient).request<{
      championModel: { version: string; artifact: string } | null;
    }>('query($model: String!) { championModel(model: $model) { version artifact } }', {
      model: SERVICE_RISK_MODEL,
    });
    if (errors?.length || !data) throw new Error(errors?.[0]?.message ?? 'no answer');
    const champion = data.championModel;
    if (!champion) return this.use(null);
    if (champion.version === this.modelVersion) return;
    this.use(parseRiskModelArtifact(JSON.parse(champion.artifact)));
  }
}
