import { readFileSync } from 'node:fs';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  decideServiceRisk,
  DEFAULT_RISK_DECISION_POLICY,
  RiskModel,
  type RiskDecisionPolicy,
  type RiskInput,
  type RiskModelArtifact,
  type ServiceRiskDecision,
} from '@ordex/decision';
import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

const schema = z.object({
  /** A model written by `npm run train`; without one the rules decide every case. */
  SERVICE_RISK_MODEL_PATH: z.string().optional(),
  SERVICE_RISK_BUDGET_MS: z.coerce.number().positive().default(DEFAULT_RISK_DECISION_POLICY.budgetMs),
  SERVICE_RISK_UNSURE_BAND: z.coerce
    .number()
    .min(0)
    .max(0.5)
    .default(DEFAULT_RISK_DECISION_POLICY.unsureBand),
});

/**
 * The service-risk model as the cases service runs it: loaded at start from
 * `SERVICE_RISK_MODEL_PATH` (a model that does not load is logged and the rules decide), swapped
 * or stopped at run time with `use`, and consulted through `decide`, which falls back to the rules
 * whenever the model may not decide and says why.
 */
@Injectable()
export class ServiceRiskService implements OnModuleInit {
  private readonly logger = new Logger(ServiceRiskService.name);
  private model: RiskModel | null = null;
  private readonly policy: RiskDecisionPolicy;
  private readonly path: string | undefined;

  constructor() {
    const config = loadConfig('cases', schema, process.env);
    this.policy = { budgetMs: config.SERVICE_RISK_BUDGET_MS, unsureBand: config.SERVICE_RISK_UNSURE_BAND };
    this.path = config.SERVICE_RISK_MODEL_PATH;
  }

  onModuleInit(): void {
    if (!this.path) return;
    try {
      this.use(JSON.parse(readFileSync(this.path, 'utf8')) as RiskModelArtifact);
    } catch (error) {
      this.logger.error(`service-risk model ${this.path} did not load; the rules decide: ${String(error)}`);
    }
  }

  /** Serves this model from now on; null stops the model (the rules decide every case). */
  use(artifact: RiskModelArtifact | null): void {
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
}
