import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { loadConfig, SERVICE_CLOCK, SERVICE_METRICS, ServiceMetrics } from '@ordex/platform';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { z } from 'zod';

/** Where the operation stands right now. */
export interface WorkflowHealth {
  casesByState: { state: string; count: number }[];
  tasksByTeam: { team: string; open: number; atRisk: number; breached: number; unassigned: number }[];
  /** Open cases with nothing on their audit trail for longer than `stuckAfterMs`. */
  stuckCases: number;
  stuckAfterMs: number;
  commandsAwaitingAcknowledgement: number;
  /** How long the oldest command has waited for the connector's answer; null when none waits. */
  oldestCommandWaitingSeconds: number | null;
  pendingApprovals: number;
  escalationsDue: number;
  asOf: Date;
}

const schema = z.object({
  CASE_STUCK_AFTER_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(4 * 3_600_000),
});

/**
 * Workflow health in real time, from the cases schema at the moment of asking: open cases by
 * state, open tasks by team with their SLA at risk or breached, cases that made no progress for a
 * while, commands the ERP has not answered, approvals waiting. The same figures are Prometheus
 * gauges (collected on scrape), so dashboards and alerts read what the graph answers.
 */
@Injectable()
export class WorkflowHealthService implements OnModuleInit {
  private readonly stuckAfterMs = loadConfig('cases', schema, process.env).CASE_STUCK_AFTER_MS;
  private reading?: { at: number; value: Promise<WorkflowHealth> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  onModuleInit(): void {
    // One scrape collects several gauges: they share one reading of the figures.
    const read = () => this.sharedReading();
    const registers = [this.metrics.registry];
    new Gauge({
      name: 'ordex_cases_open',
      help: 'Cases not closed, by state',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        for (const { state, count } of (await read()).casesByState) this.set({ state }, count);
      },
    });
    new Gauge({
      name: 'ordex_tasks_open',
      help: 'Open tasks by team and SLA state (on_track, at_risk, breached)',
      labelNames: ['team', 'sla'],
      registers,
      async collect() {
        this.reset();
        for (const t of (await read()).tasksByTeam) {
          this.set({ team: t.team, sla: 'breached' }, t.breached);
          this.set({ team: t.team, sla: 'at_risk' }, t.atRisk);
          this.set({ team: t.team, sla: 'on_track' }, t.open - t.atRisk - t.breached);
        }
      },
    });
    const single = (name: string, help: string, pick: (h: WorkflowHealth) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.set(pick(await read()));
        },
      });
    single('ordex_cases_stuck', 'Open cases with no progress past the stuck threshold', (h) => h.stuckCases);
    single(
      'ordex_commands_awaiting_ack',
      'Commands sent to the ERP connector and not answered yet',
      (h) => h.commandsAwaitingAcknowledgement,
    );
    single('ordex_approvals_pending', 'Approvals waiting for a decision', (h) => h.pendingApprovals);
  }

  /** The figures read once for every gauge of a scrape (a reading is reused for a second). */
  private sharedReading(): Promise<WorkflowHealth> {
    const now = Date.now();
    if (!this.reading || now - this.reading.at > 1_000) {
      const value = this.health();
      value.catch(() => (this.reading = undefined));
      this.reading = { at: now, value };
    }
    return this.reading.value;
  }

  async health(): Promise<WorkflowHealth> {
    const asOf = this.clock();
    const q = <T>(sql: string, params: unknown[] = []) => this.dataSource.query<T[]>(sql, params);
    const [byState, byTeam, stuck, commands, approvals, escalations] = await Promise.all([
      q<{ status: string; n: string }>(
        `SELECT status, count(*) AS n FROM "cases"."case" WHERE status <> 'CLOSED' GROUP BY status ORDER BY status`,
      ),
      q<{ team: string; open: string; at_risk: string; breached: string; unassigned: string }>(
        `SELECT t.team, count(*) AS open,
                count(*) FILTER (WHERE t.at_risk_at <= $1 AND t.due_at > $1) AS at_risk,
                count(*) FILTER (WHERE t.due_at <= $1) AS breached,
                count(*) FILTER (WHERE t.assignee IS NULL) AS unassigned
           FROM "cases"."task" t WHERE t.status = 'OPEN' GROUP BY t.team ORDER BY t.team`,
        [asOf],
      ),
      q<{ n: string }>(
        `SELECT count(*) AS n FROM "cases"."case" c WHERE c.status <> 'CLOSED'
           AND NOT EXISTS (SELECT 1 FROM "cases"."audit_entry" a
                            WHERE a.case_id = c.id AND a.recorded_at > now() - make_interval(secs => $1::double precision / 1000))`,
        [this.stuckAfterMs],
      ),
      q<{ n: string; oldest: Date | null }>(
        `SELECT count(*) AS n, min(requested_at) AS oldest FROM "cases"."execution_command" WHERE status = 'PENDING'`,
      ),
      q<{ n: string }>(`SELECT count(*) AS n FROM "cases"."approval" WHERE status = 'PENDING'`),
      q<{ n: string }>(
        `SELECT count(*) AS n FROM "cases"."escalation" WHERE state = 'PENDING' AND due_at <= $1`,
        [asOf],
      ),
    ]);
    const oldest = commands[0].oldest;
    return {
      casesByState: byState.map((r) => ({ state: r.status, count: Number(r.n) })),
      tasksByTeam: byTeam.map((r) => ({
        team: r.team,
        open: Number(r.open),
        atRisk: Number(r.at_risk),
        breached: Number(r.breached),
        unassigned: Number(r.unassigned),
      })),
      stuckCases: Number(stuck[0].n),
      stuckAfterMs: this.stuckAfterMs,
      commandsAwaitingAcknowledgement: Number(commands[0].n),
      oldestCommandWaitingSeconds:
        oldest === null ? null : Math.max(0, Math.round((asOf.getTime() - oldest.getTime()) / 1000)),
      pendingApprovals: Number(approvals[0].n),
      escalationsDue: Number(escalations[0].n),
      asOf,
    };
  }
}
