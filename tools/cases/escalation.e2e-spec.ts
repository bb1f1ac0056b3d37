import { createTestDatabase, eventually, graphql, TestDatabase } from '@ordex/testing';
import { Pool } from 'pg';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(300_000);

/** The demo distributor's "today": Friday 27 Nov 2026, 07:00 in Berlin, when DC-NORTH opens. */
const OPENED = new Date('2026-11-27T06:00:00Z');
/**
 * Monday evening in Berlin: every step of SO-1001's ladder (platinum: 120 and 240 working
 * minutes) and most other cases' steps are due; EAST's tasks wait (30 Nov and 1 Dec are
 * public holidays in Romania).
 */
const LATER = new Date('2026-11-30T17:30:00Z');

interface StepRow {
  task_id: string;
  step: number;
  state: string;
  fired_at: Date | null;
  fired_by: string | null;
}

/**
 * The escalation ladder on real PostgreSQL: steps that fall due while every instance of the cases
 * service is down fire once after a restart, two instances running side by side never fire a step
 * twice, and a further restart fires nothing again.
 */
describe('escalation scheduler', () => {
  let database: TestDatabase;
  let now = OPENED;
  const clock = () => now;
  const stacks: EmbeddedStack[] = [];
  const start = async (options: Parameters<typeof startEmbeddedStack>[0]) => {
    const stack = await startEmbeddedStack({
      databaseUrl: database.url,
      port: 0,
      logLevel: 'silent',
      clock,
      ...options,
    });
    stacks.push(stack);
    return stack;
  };
  const stop = async (stack: EmbeddedStack) => {
    await stack.stop();
    stacks.splice(stacks.indexOf(stack), 1);
  };
  let pool: Pool;
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];

  beforeAll(async () => {
    process.env.ESCALATION_POLL_INTERVAL_MS = '100';
    // One step per transaction: two instances interleave over the same due steps.
    process.env.ESCALATION_BATCH_SIZE = '1';
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    for (const stack of [...stacks]) await stack.stop();
    await pool?.end();
    await database?.drop();
    delete process.env.ESCALATION_POLL_INTERVAL_MS;
    delete process.env.ESCALATION_BATCH_SIZE;
  });

  it('plans each task’s ladder on its DC’s business calendar when detection opens the case', async () => {
    const first = await start({ demo: 'small' });
    await first.idle();
    await eventually(async () => {
      const [row] = await sql<{ n: string }>(
        // Due now or about to be; a recheck planned for an acknowledgement timeout is not work waiting.
        "SELECT count(*) AS n FROM cases.evaluation_request WHERE due_at < now() + interval '5 seconds'",
      );
      return Number(row.n) === 0 ? true : undefined;
    }, 120_000);
    const ladder = await sql<{ team: string; step: number; kind: string; due_at: Date }>(
      `SELECT t.team, e.step, e.kind, e.due_at FROM cases.escalation e
         JOIN cases.task t ON t.id = e.task_id JOIN cases."case" c ON c.id = e.case_id
        WHERE c.order_number = 'SO-1001' ORDER BY t.team, e.step`,
    );
    // Platinum: stock and shipment 120 working minutes, price 240; from 07:00 Berlin (06:00Z).
    expect(ladder.map((r) => `${r.team} ${r.step} ${r.kind} ${r.due_at.toISOString()}`)).toEqual([
      'FINANCE_PRICING 1 AT_RISK 2026-11-27T09:00:00.000Z',
      'FINANCE_PRICING 2 BREACHED 2026-11-27T10:00:00.000Z',
      'FINANCE_PRICING 3 MANAGER 2026-11-27T12:00:00.000Z',
      'TRANSPORTATION 1 AT_RISK 2026-11-27T07:30:00.000Z',
      'TRANSPORTATION 2 BREACHED 2026-11-27T08:00:00.000Z',
      'TRANSPORTATION 3 MANAGER 2026-11-27T09:00:00.000Z',
      'WAREHOUSE 1 AT_RISK 2026-11-27T07:30:00.000Z',
      'WAREHOUSE 2 BREACHED 2026-11-27T08:00:00.000Z',
      'WAREHOUSE 3 MANAGER 2026-11-27T09:00:00.000Z',
    ]);
    const [fired] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.escalation WHERE state = 'FIRED'`,
    );
    expect(Number(fired.n)).toBe(0);
    await stop(first);
  });

  it('fires the steps that fell due while the service was down once, with two instances running', async () => {
    const due = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.escalation WHERE state = 'PENDING' AND due_at <= $1`,
      [LATER],
    );
    const expected = Number(due[0].n);
    expect(expected).toBeGreaterThan(40);

    // Two instances of the cases service alone on the same database; then the clock moves on
    // while both poll, so they reach for the same due steps at the same time.
    await Promise.all([
      start({ subgraphs: ['cases'], gateway: false, detection: false }),
      start({ subgraphs: ['cases'], gateway: false, detection: false }),
    ]);
    now = LATER;
    await eventually(async () => {
      const [row] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM cases.escalation WHERE state = 'PENDING' AND due_at <= $1`,
        [LATER],
      );
      return Number(row.n) === 0 ? true : undefined;
    }, 60_000);

    const steps = await sql<StepRow>(`SELECT * FROM cases.escalation WHERE state = 'FIRED'`);
    expect(steps).toHaveLength(expected);
    // Both instances fired some: they really competed for the same steps.
    expect(new Set(steps.map((s) => s.fired_by)).size).toBe(2);
    expect(steps.every((s) => s.fired_at?.getTime() === LATER.getTime())).toBe(true);
    const recorded = await sql<{ task: string; step: number }>(
      `SELECT payload->>'taskId' AS task, (payload->>'step')::int AS step FROM cases.audit_entry
        WHERE action = 'task.escalated'`,
    );
    expect(recorded).toHaveLength(expected);
    expect(new Set(recorded.map((r) => `${r.task}#${r.step}`)).size).toBe(expected);
    expect(new Set(recorded.map((r) => `${r.task}#${r.step}`))).toEqual(
      new Set(steps.map((s) => `${s.task_id}#${s.step}`)),
    );
    for (const stack of [...stacks]) await stop(stack);
  });

  it('fires nothing again after another restart, and the case shows where each task stands', async () => {
    const stack = await start({ demo: 'none' });
    await stack.idle();
    // Several poll intervals of the restarted scheduler.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [row] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.audit_entry WHERE action = 'task.escalated'`,
    );
    const [fired] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.escalation WHERE state = 'FIRED'`,
    );
    expect(Number(row.n)).toBe(Number(fired.n));

    const token = await stack.token({ roles: ['admin'] });
    const { data, errors } = await graphql<{
      order: {
        case: {
          id: string;
          priority: number;
          priorityFactors: { factor: string; contribution: number }[];
          tasks: { team: string; slaState: string; escalationLevel: number }[];
          auditTrail: { actor: string; action: string; payload: string }[];
        };
      };
    }>(
      stack.gatewayUrl!,
      `
        {
          order(orderNumber: "SO-1001") {
            case {
              id
              priority
              priorityFactors {
                factor
                contribution
              }
              tasks {
                team
                slaState
                escalationLevel
              }
              auditTrail {
                actor
                action
              }
            }
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(errors).toBeUndefined();
    const kase = data!.order.case;
    expect(Object.fromEntries(kase.tasks.map((t) => [t.team, `${t.slaState} ${t.escalationLevel}`]))).toEqual(
      {
        WAREHOUSE: 'BREACHED 3',
        TRANSPORTATION: 'BREACHED 3',
        FINANCE_PRICING: 'BREACHED 3',
      },
    );
    // The tightest task is long breached: the SLA factor gives its full weight.
    expect(kase.priorityFactors.find((f) => f.factor === 'SLA_TIME_LEFT')?.contribution).toBe(20);
    const escalations = kase.auditTrail.filter((e) => e.action === 'task.escalated');
    expect(escalations).toHaveLength(9);
    expect(new Set(escalations.map((e) => e.actor))).toEqual(new Set(['ordex.escalation']));
    const { data: verified } = await graphql<{ verifyAuditChain: { valid: boolean } }>(
      stack.gatewayUrl!,
      'query($id: ID!) { verifyAuditChain(caseId: $id) { valid } }',
      { id: kase.id },
      { authorization: `Bearer ${token}` },
    );
    expect(verified?.verifyAuditChain.valid).toBe(true);
  });
});
