import { readFileSync } from 'node:fs';
import type { Logger } from '@nestjs/common';
import {
  LogisticModel,
  parseModelArtifact,
  type LogisticModelArtifact,
  type ModelName,
} from '@ordex/decision';
import { type GraphClient, PollingLoop } from '@ordex/platform';

/**
 * One learned model as a cases instance serves it. The model registry's champion serves: it is
 * checked every `refreshMs` through the graph, so promoting a version puts it to work and retiring
 * the champion stops it, in every instance, within that time. `path` (a file written by
 * `npm run train`) serves until the registry first answers, or always without a graph.
 */
export class ServedModel<M extends ModelName> {
  private served: LogisticModel<M> | null = null;
  private readonly loop: PollingLoop | null;

  constructor(
    private readonly name: M,
    private readonly graph: GraphClient | null,
    private readonly options: { path?: string; refreshMs: number; fallback: string },
    private readonly logger: Logger,
  ) {
    this.loop =
      graph && options.refreshMs > 0
        ? new PollingLoop(
            async () => (await this.refresh(), false),
            options.refreshMs,
            (error) =>
              logger.warn(`model registry not reachable; the ${name} model serving stays: ${String(error)}`),
          )
        : null;
  }

  /** Loads the file, if any, and starts following the registry. */
  start(): void {
    const { path, fallback } = this.options;
    if (path)
      try {
        this.use(parseModelArtifact(JSON.parse(readFileSync(path, 'utf8')), this.name));
      } catch (error) {
        this.logger.error(`${this.name} model ${path} did not load; ${fallback}: ${String(error)}`);
      }
    this.loop?.start();
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
  }

  get model(): LogisticModel<M> | null {
    return this.served;
  }

  get version(): string | null {
    return this.served?.artifact.version ?? null;
  }

  /** Serves this model from now on; null stops the model (the rules decide). */
  use(artifact: LogisticModelArtifact<M> | null): void {
    if ((artifact?.version ?? null) === this.version) return;
    this.served = artifact ? warmed(new LogisticModel(artifact)) : null;
    this.logger.log(
      artifact ? `${this.name} model ${artifact.version} serves` : `${this.name} model stopped`,
    );
  }

  /** Serves the registry's champion, or stops the model when there is none. */
  async refresh(): Promise<void> {
    const { data, errors } = await (this.graph as GraphClient).request<{
      championModel: { version: string; artifact: string } | null;
    }>('query($model: String!) { championModel(model: $model) { version artifact } }', { model: this.name });
    if (errors?.length || !data) throw new Error(errors?.[0]?.message ?? 'no answer');
    const champion = data.championModel;
    if (!champion) return this.use(null);
    if (champion.version === this.version) return;
    this.use(parseModelArtifact(JSON.parse(champion.artifact), this.name));
  }
}

/**
 * The model after one untimed pass over an example at its training means: the first call of
 * cold code can take longer than a decision's budget, and that call would otherwise be a case's.
 */
function warmed<M extends ModelName>(model: LogisticModel<M>): LogisticModel<M> {
  const example = Float32Array.from(model.artifact.means);
  model.predict(example);
  model.explain(example, 3);
  model.outOfRange(example);
  return model;
}
