import { Injectable } from '@nestjs/common';
import { ZenEngine } from '@gorules/zen-engine';
import { clientError } from '@ordex/platform';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DecisionTableEntity } from './decision-table.entity';
import { MAX_REPORTED_PROBLEMS, TABLE_CHECKS } from './domain/table-checks.util';

/** A JDM document larger than this is not a governance table someone edited by hand. */
export const MAX_TABLE_BYTES = 256 * 1024;

/**
 * Publishes a new version of a governance table. The version is checked before it is stored: it
 * must be a JDM document zen-engine compiles, and it must answer every probe of its table's check
 * (TABLE_CHECKS) with something ordex can act on. Versions are immutable and numbered from 1; the
 * row records who published it, when and why, so the table's history is its audit trail. Open
 * cases keep the version they pinned; cases opened afterwards use the new one.
 */
@Injectable()
export class DecisionTablePublisher {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publish(key: string, content: string, comment: string, author: string): Promise<DecisionTableEntity> {
    if (!comment.trim()) throw clientError('BAD_USER_INPUT', 'comment must say what changed and why');
    const document = await this.checked(key, content);
    return this.dataSource.transaction(async (tx) => {
      // One publisher at a time per table: versions stay gapless and in the order they were published.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ordex.decision-table.${key}`]);
      const [{ latest }] = await tx.query<{ latest: number | null }[]>(
        'SELECT max(version) AS latest FROM "cases"."decision_table" WHERE key = $1',
        [key],
      );
      return tx.save(
        DecisionTableEntity,
        tx.create(DecisionTableEntity, {
          key,
          version: (latest ?? 0) + 1,
          content: document,
          createdBy: author,
          comment: comment.trim(),
        }),
      );
    });
  }

  /**
   * The JDM document a table version would be, checked as a publication checks it (a table ordex
   * decides with, JSON, within size, run by zen-engine, answering every probe); a clear
   * BAD_USER_INPUT error otherwise. Also what a policy backtest replays.
   */
  async checked(key: string, content: string): Promise<Record<string, unknown>> {
    const check = TABLE_CHECKS[key];
    if (!check) {
      throw clientError(
        'BAD_USER_INPUT',
        `unknown decision table ${key}; ordex decides with ${Object.keys(TABLE_CHECKS).join(', ')}`,
      );
    }
    if (Buffer.byteLength(content) > MAX_TABLE_BYTES) {
      throw clientError('BAD_USER_INPUT', `content is over ${MAX_TABLE_BYTES} bytes`);
    }
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(content) as Record<string, unknown>;
    } catch (error) {
      throw clientError('BAD_USER_INPUT', `content is not JSON: ${(error as Error).message}`);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      throw clientError(
        'BAD_USER_INPUT',
        'content must be a GoRules JDM document (an object with nodes and edges)',
      );
    }
    const problems = await this.problems(key, document);
    if (problems.length) {
      throw clientError('BAD_USER_INPUT', `decision table ${key} refused: ${problems.join('; ')}`);
    }
    return document;
  }

  /** What the document answers wrong, at most MAX_REPORTED_PROBLEMS of them; empty when it may be stored. */
  private async problems(key: string, document: Record<string, unknown>): Promise<string[]> {
    const engine = new ZenEngine();
    try {
      let decision;
      try {
        decision = engine.createDecision(document);
      } catch (error) {
        return [`not a decision zen-engine can run: ${(error as Error).message}`];
      }
      const found: string[] = [];
      for (const probe of TABLE_CHECKS[key].probes) {
        let problem: string | null;
        try {
          const { result } = await decision.evaluate(probe);
          problem = TABLE_CHECKS[key].problem((result ?? {}) as Record<string, unknown>);
        } catch (error) {
          problem = `evaluation failed: ${(error as Error).message}`;
        }
        if (problem) found.push(`for ${JSON.stringify(probe)}: ${problem}`);
        if (found.length === MAX_REPORTED_PROBLEMS) break;
      }
      return found;
    } finally {
      engine.dispose();
    }
  }
}
