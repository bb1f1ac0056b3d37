import type { Role } from '@ordex/platform';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

/** The demo distributor's "today", before any task is at risk. */
const AS_OF = new Date('2026-11-27T06:00:00Z');

interface Item {
  cursor: string;
  task: { id: string; team: string; dueAt: string | null; assignee: string | null; slaState: string | null };
  case: { id: string; orderNumber: string; priority: number };
}
interface Page {
  items: Item[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const PAGE = `items { cursor task { id team dueAt assignee slaState } case { id orderNumber priority } }
  endCursor hasNextPage`;

/**
 * Work queues and workflow health through the gateway, on the small demo: a team's queue by
 * priority or deadline, walked page by page with cursors; a person's own work; what nobody has
 * taken; and the operation's health, which must agree with the cases schema itself.
 */
describe('work queues and workflow health', () => {
  let stack: EmbeddedStack;
  const ask = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    roles: Role[] = ['warehouse'],
  ) => {
    const { data, errors } = await graphql<T>(stack.gatewayUrl!, query, variables, {
      authorization: `Bearer ${await stack.token({ roles, user: 'wh.wendy' })}`,
    });
    if (errors) throw Object.assign(new Error(errors[0].message), { code: errors[0].extensions?.code });
    return data!;
  };
  const queue = (args: string, variables: Record<string, unknown> = {}) =>
    ask<{ workQueue: Page }>(
      `query($after: String) { workQueue(${args}, after: $after) { ${PAGE} } }`,
      variables,
    ).then((d) => d.workQueue);
  const walk = async (args: string) => {
    const items: Item[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await queue(args, { after });
      items.push(...page.items);
      if (!page.hasNextPage) return items;
      after = page.endCursor;
    }
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', clock: () => AS_OF });
    await eventually(async () => {
      const [row] = await stack.sql<{ n: string }>(
        "SELECT count(*) AS n FROM cases.evaluation_request WHERE due_at < now() + interval '5 seconds'",
      );
      const [cases] = await stack.sql<{ n: string }>('SELECT count(*) AS n FROM cases."case"');
      return Number(row.n) === 0 && Number(cases.n) > 0 ? true : undefined;
    }, 120_000);
  });
  afterAll(() => stack?.stop());

  it("lists a team's open tasks by priority, page after page, each once", async () => {
    const all = await walk('team: WAREHOUSE, first: 50');
    const paged = await walk('team: WAREHOUSE, first: 3');
    expect(all.length).toBeGreaterThan(3);
    expect(paged.map((i) => i.task.id)).toEqual(all.map((i) => i.task.id));
    expect(new Set(all.map((i) => i.task.id)).size).toBe(all.length);
    expect(all.every((i) => i.task.team === 'WAREHOUSE')).toBe(true);
    const priorities = all.map((i) => i.case.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const [row] = await stack.sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.task t JOIN cases.case_exception e ON e.id = t.exception_id
         JOIN cases."case" c ON c.id = e.case_id
        WHERE t.team = 'WAREHOUSE' AND t.status = 'OPEN' AND c.status <> 'CLOSED'`,
    );
    expect(all).toHaveLength(Number(row.n));
  });

  it('sorts by deadline, soonest first, and filters by SLA state', async () => {
    const byDue = await walk('team: WAREHOUSE, sort: DUE, first: 4');
    const due = byDue.map((i) => i.task.dueAt ?? '9999');
    expect(due).toEqual([...due].sort());
    expect((await queue('team: WAREHOUSE, slaState: ON_TRACK, first: 50')).items).toHaveLength(byDue.length);
    expect((await queue('team: WAREHOUSE, slaState: BREACHED, first: 50')).items).toEqual([]);
  });

  it("takes a task into a person's own work and puts it back", async () => {
    const [first] = (await queue('team: WAREHOUSE, first: 1')).items;
    const { assignTask } = await ask<{ assignTask: { assignee: string } }>(
      'mutation($id: ID!) { assignTask(taskId: $id) { assignee } }',
      { id: first.task.id },
    );
    expect(assignTask.assignee).toBe('wh.wendy');
    const mine = await walk('mine: true, first: 50');
    expect(mine.map((i) => i.task.id)).toEqual([first.task.id]);
    const unassigned = await walk('team: WAREHOUSE, unassignedOnly: true, first: 50');
    expect(unassigned.map((i) => i.task.id)).not.toContain(first.task.id);
    await ask('mutation($id: ID!) { releaseTask(taskId: $id) { assignee } }', { id: first.task.id });
    expect(await walk('mine: true, first: 50')).toEqual([]);
    const trail = await ask<{ case: { auditTrail: { actor: string; action: string }[] } }>(
      'query($id: ID!) { case(id: $id) { auditTrail { actor action } } }',
      { id: first.case.id },
      ['admin'],
    );
    expect(trail.case.auditTrail.filter((e) => e.actor === 'wh.wendy').map((e) => e.action)).toEqual([
      'task.assigned',
      'task.released',
    ]);
  });

  it('refuses a cursor from another sort', async () => {
    const page = await queue('team: WAREHOUSE, first: 1');
    await expect(
      ask('query($after: String) { workQueue(team: WAREHOUSE, sort: DUE, after: $after) { hasNextPage } }', {
        after: page.endCursor,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('reports workflow health that agrees with the cases schema, as metrics too', async () => {
    const { workflowHealth } = await ask<{
      workflowHealth: {
        casesByState: { state: string; count: number }[];
        tasksByTeam: { team: string; open: number; atRisk: number; breached: number }[];
        commandsAwaitingAcknowledgement: number;
        pendingApprovals: number;
      };
    }>(
      `{ workflowHealth { casesByState { state count } tasksByTeam { team open atRisk breached }
          commandsAwaitingAcknowledgement pendingApprovals } }`,
    );
    const states = await stack.sql<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM cases."case" WHERE status <> 'CLOSED' GROUP BY status ORDER BY status`,
    );
    expect(workflowHealth.casesByState).toEqual(states.map((s) => ({ state: s.status, count: Number(s.n) })));
    const [pending] = await stack.sql<{ n: string }>(
      `SELECT count(*) AS n FROM cases.execution_command WHERE status = 'PENDING'`,
    );
    // The policy's transfers wait for an ERP that nobody answers in this stack.
    expect(workflowHealth.commandsAwaitingAcknowledgement).toBe(Number(pending.n));
    expect(workflowHealth.commandsAwaitingAcknowledgement).toBeGreaterThan(0);
    expect(workflowHealth.tasksByTeam.every((t) => t.atRisk === 0 && t.breached === 0)).toBe(true);
    const metrics = await (await fetch(stack.subgraphUrls.cases!.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(new RegExp(`ordex_commands_awaiting_ack\\{[^}]*\\} ${pending.n}\\b`));
    expect(metrics).toMatch(/ordex_tasks_open\{[^}]*team="WAREHOUSE",sla="on_track"[^}]*\} \d+/);
  });
});
