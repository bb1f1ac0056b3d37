import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { EntityManager } from 'typeorm';
import { DecisionTablesService } from './decision-tables.service';

/** What a table decided and which version decided it (pinned on the case, written to the audit trail). */
export interface TableDecision<T> {
  result: T;
  version: number;
}

/**
 * Evaluates ordex's governance decision tables (GoRules JDM) on zen-engine. A version, once
 * stored, never changes, so each is compiled once per process and kept.
 */
@Injectable()
export class DecisionEngineService implements OnModuleDestroy {
  private readonly engine = new ZenEngine();
  private readonly decisions = new Map<string, ZenDecision>();

  constructor(private readonly tables: DecisionTablesService) {}

  /** The latest version of a table; throws when the table does not exist. */
  async latestVersion(key: string, tx?: EntityManager): Promise<number> {
    const table = await this.tables.find(key, null, tx);
    if (!table) throw new Error(`decision table ${key} is missing`);
    return table.version;
  }

  /** Evaluates `version` of the table (its latest when null) on `input`. */
  async evaluate<T = Record<string, unknown>>(
    key: string,
    input: Record<string, unknown>,
    version: number | null = null,
    tx?: EntityManager,
  ): Promise<TableDecision<T>> {
    const decision = await this.decision(key, version, tx);
    const { result } = await decision.decision.evaluate(input);
    return { result: result as T, version: decision.version };
  }

  private async decision(
    key: string,
    version: number | null,
    tx?: EntityManager,
  ): Promise<{ decision: ZenDecision; version: number }> {
    if (version !== null) {
      const cached = this.decisions.get(`${key}@${version}`);
      if (cached) return { decision: cached, version };
    }
    const table = await this.tables.find(key, version, tx);
    if (!table) throw new Error(`decision table ${key}${version === null ? '' : ` v${version}`} is missing`);
    const id = `${key}@${table.version}`;
    let decision = this.decisions.get(id);
    if (!decision) {
      decision = this.engine.createDecision(table.content);
      this.decisions.set(id, decision);
    }
    return { decision, version: table.version };
  }

  onModuleDestroy(): void {
    this.engine.dispose();
  }
}
