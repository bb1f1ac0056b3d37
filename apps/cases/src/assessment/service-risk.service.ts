import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  decideServiceRisk,
  DEFAULT_RISK_DECISION_POLICY,
  type RiskDecisionPolicy,
  type RiskInput,
  type RiskModelArtifact,
  type ServiceRiskDecision,
} from '@ordex/decision';
import { GRAPH_CLIENT, type GraphClient, loadConfig } from '@ordex/platform';
import { z } from 'zod';
import { ServedModel } from './served-model';

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
 * The service-risk model as the cases service runs it: the registry's champion, or
 * `SERVICE_RISK_MODEL_PATH` until the registry answers (see {@link ServedModel}). Every decision
 * goes through `decide`, which falls back to the rules whenever the model may not decide, and says
 * why.
 */
@Injectable()
export class ServiceRiskService implements OnModuleInit, OnModuleDestroy {
  private readonly served: ServedModel<'service-risk'>;
  private readonly policy: RiskDecisionPolicy;

  constructor(@Inject(GRAPH_CLIENT) graph: GraphClient | null = null) {
    const config = loadConfig('cases', schema, process.env);
    this.policy = { budgetMs: config.SERVICE_RISK_BUDGET_MS, unsureBand: config.SERVICE_RISK_UNSURE_BAND };
    this.served = new ServedModel(
      SERVICE_RISK_MODEL,
      graph,
      {
        path: config.SERVICE_RISK_MODEL_PATH,
        refreshMs: config.SERVICE_RISK_REFRESH_MS,
        fallback: 'the rules decide',
      },
      new Logger(ServiceRiskService.name),
    );
  }

  onModuleInit(): void {
    this.served.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.served.stop();
  }

  /** Serves this model from now on; null stops the model (the rules decide every case). */
  use(artifact: RiskModelArtifact | null): void {
    this.served.use(artifact);
  }

  get modelVersion(): string | null {
    return this.served.version;
  }

  decide(input: RiskInput): ServiceRiskDecision {
    return decideServiceRisk(this.served.model, input, this.policy);
  }

  /** Serves the registry's champion, or stops the model when there is none. */
  refresh(): Promise<void> {
    return this.served.refresh();
  }
}
