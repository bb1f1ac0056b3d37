import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  rankActions,
  type ActionModelArtifact,
  type ActionRankingDecision,
  type RankingCandidate,
} from '@ordex/decision';
import { GRAPH_CLIENT, type GraphClient, loadConfig } from '@ordex/platform';
import { z } from 'zod';
import { ServedModel } from './served-model';

/** The model's name in the registry. */
export const ACTION_OUTCOME_MODEL = 'action-outcome';

const schema = z.object({
  /** A model written by `npm run train`, served until the registry says otherwise. */
  ACTION_MODEL_PATH: z.string().optional(),
  /** The most ranking one case's recommendations may take; a slower ranking is not used. */
  ACTION_RANKING_BUDGET_MS: z.coerce.number().positive().default(2),
  /** How often the registry's champion is checked; 0 never (the file, if any, serves). */
  ACTION_MODEL_REFRESH_MS: z.coerce.number().int().min(0).default(60_000),
});

/**
 * The action-outcome model as the cases service runs it, to order each case's recommendations by
 * their expected value: the registry's champion, or `ACTION_MODEL_PATH` until the registry answers
 * (see {@link ServedModel}). Every ranking goes through `rank`, which keeps the rules' order
 * whenever the model may not decide, and says why.
 */
@Injectable()
export class ActionRankingService implements OnModuleInit, OnModuleDestroy {
  private readonly served: ServedModel<'action-outcome'>;
  private readonly budgetMs: number;

  constructor(@Inject(GRAPH_CLIENT) graph: GraphClient | null = null) {
    const config = loadConfig('cases', schema, process.env);
    this.budgetMs = config.ACTION_RANKING_BUDGET_MS;
    this.served = new ServedModel(
      ACTION_OUTCOME_MODEL,
      graph,
      {
        path: config.ACTION_MODEL_PATH,
        refreshMs: config.ACTION_MODEL_REFRESH_MS,
        fallback: 'the rules rank',
      },
      new Logger(ActionRankingService.name),
    );
  }

  onModuleInit(): void {
    this.served.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.served.stop();
  }

  /** Serves this model from now on; null stops the model (the rules rank every case). */
  use(artifact: ActionModelArtifact | null): void {
    this.served.use(artifact);
  }

  get modelVersion(): string | null {
    return this.served.version;
  }

  rank(candidates: readonly RankingCandidate[]): ActionRankingDecision {
    return rankActions(this.served.model, candidates, { budgetMs: this.budgetMs });
  }

  /** Serves the registry's champion, or stops the model when there is none. */
  refresh(): Promise<void> {
    return this.served.refresh();
  }
}
