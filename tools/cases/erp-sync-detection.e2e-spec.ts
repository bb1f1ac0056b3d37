import { CommandOutcome, createEvent } from '@ordex/contracts';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(120_000);

const SETTINGS = {
  DETECTION_SETTLE_DELAY_MS: '100',
  DETECTION_POLL_INTERVAL_MS: '100',
  DETECTION_ACK_TIMEOUT_MS: '1500',
  DETECTION_SWEEP_INTERVAL_MS: '300',
  // Resend an unanswered command after 0.3 s, 0.6, 1.2: four sends in all.
  EXECUTION_POLL_INTERVAL_MS: '50',
  EXECUTION_RESEND_AFTER_MS: '300',
  EXECUTION_MAX_ATTEMPTS: '4',
};

interface ExceptionView {
  category: string;
  status: string;
  reason: string;
  clearReason: string | null;
}

/**
 * ERP_SYNC through the real services on the wall clock: commands the ERP leaves unacknowledged
 * (a hold from orders, a transfer the cases' automation policy decided) are resent under the same
 * command id with growing waits, raise an ERP_SYNC exception on the order's case past the
 * timeout, and the acknowledgements clear it.
 */
describe('ERP_SYNC detection', () => {
  let stack: EmbeddedStack;
  let admin: Record<string, string>;
  /** Every command message on the bus: its message id and the command it carries. */
  const seen: { id: string; commandId: string }[] = [];
  const erpSync = async () => {
    const { data, errors } = await graphql<{ order: { case: { exceptions: ExceptionView[] } | null } }>(
      stack.gatewayUrl!,
      '{ order(orderNumber: "SO-1001") { case { exceptions { category status reason clearReason } } } }',
      {},
      admin,
    );
    if (errors) throw new Error(errors[0].message);
    return (data!.order.case?.exceptions ?? []).filter((e) => e.category === 'ERP_SYNC');
  };

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    // No simulated ERP connector: commands stay unacknowledged until the test answers them.
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    admin = { authorization: `Bearer ${await stack.token({ roles: ['admin'] })}` };
    await stack.listen(['cases.command.requested.v1'], (event) =>
      seen.push({ id: event.id, commandId: (event.data as { commandId: string }).commandId }),
    );
  });
  afterAll(async () => {
    await stack?.stop();
    for (const name of Object.keys(SETTINGS)) delete process.env[name];
  });

  it('raises ERP_SYNC on the same case when commands wait past the timeout, and clears it on the acknowledgements', async () => {
    await eventually(async () => {
      const { data } = await graphql<{ order: { case: { id: string } | null } }>(
        stack.gatewayUrl!,
        '{ order(orderNumber: "SO-1001") { case { id } } }',
        {},
        admin,
      );
      return data?.order.case?.id;
    }, 60_000);
    // The automation policy sourced line 1 from DC-SOUTH: a TRANSFER_STOCK command nobody answers.
    const [transfer] = await eventually(async () => {
      const rows = await stack.sql<{ id: string }>(
        `SELECT id FROM cases.execution_command WHERE order_number = 'SO-1001' AND command_type = 'TRANSFER_STOCK'`,
      );
      return rows.length ? rows : undefined;
    }, 30_000);
    const asked = await graphql<{ placeOrderHold: { command: { commandId: string } } }>(
      stack.gatewayUrl!,
      'mutation { placeOrderHold(orderNumber: "SO-1001", type: STOCK, reason: "line 1 short") { command { commandId } } }',
      {},
      { authorization: `Bearer ${await stack.token({ roles: ['customer-service'] })}` },
    );
    expect(asked.errors).toBeUndefined();
    const { commandId } = asked.data!.placeOrderHold.command;

    // Both overdue: one ERP_SYNC exception on the case, naming the oldest, counting both.
    const raised = await eventually(async () => {
      const open = (await erpSync()).filter(
        (e) => e.status === 'OPEN' && e.reason.includes('2 commands overdue'),
      );
      return open.length ? open : undefined;
    }, 30_000);
    expect(raised).toHaveLength(1);
    expect(raised[0].reason).toContain(`the ERP has not acknowledged TRANSFER_STOCK ${transfer.id}`);

    // Resent while unanswered, under the same command id, each send a new message; then it stops.
    const sends = await eventually(async () => {
      const [row] = await stack.sql<{ attempts: number; next_attempt_at: Date | null; status: string }>(
        'SELECT attempts, next_attempt_at, status FROM cases.execution_command WHERE id = $1',
        [transfer.id],
      );
      return row.attempts === 4 ? row : undefined;
    }, 30_000);
    expect(sends).toEqual({ attempts: 4, next_attempt_at: null, status: 'PENDING' });
    const resends = seen.filter((e) => e.commandId === transfer.id).map((e) => e.id);
    expect(resends).toContain(`${transfer.id}:4`);
    expect(
      resends.every((id) =>
        [transfer.id, `${transfer.id}:2`, `${transfer.id}:3`, `${transfer.id}:4`].includes(id),
      ),
    ).toBe(true);

    const acknowledge = (id: string, commandType: string, erpVersion: number) =>
      stack.publish(
        createEvent(
          'erp.command.acknowledged.v1',
          'SO-1001',
          {
            commandId: id,
            commandType,
            orderNumber: 'SO-1001',
            outcome: CommandOutcome.ACCEPTED,
            reason: null,
            erpVersion,
            acknowledgedAt: new Date().toISOString(),
          },
          { source: 'erp' },
        ),
      );
    await acknowledge(commandId, 'PLACE_HOLD', 2);
    const waiting = await eventually(async () => {
      const [exception] = await erpSync();
      return exception?.reason.includes('(1 command overdue)') ? exception : undefined;
    }, 30_000);
    expect(waiting.reason).toContain(`TRANSFER_STOCK ${transfer.id}`);

    await acknowledge(transfer.id, 'TRANSFER_STOCK', 2);
    const cleared = await eventually(async () => {
      const [exception] = await erpSync();
      return exception?.status === 'CLEARED' ? exception : undefined;
    }, 30_000);
    expect(cleared.clearReason).toContain('no longer detected');
    const action = await eventually(async () => {
      const [row] = await stack.sql<{ state: string; outcome: string }>(
        `SELECT a.state, a.outcome FROM cases.case_action a JOIN cases.execution_command c ON c.action_id = a.id
          WHERE c.id = $1`,
        [transfer.id],
      );
      return row?.state === 'EXECUTING' ? undefined : row;
    }, 10_000);
    expect(action).toEqual({ state: 'DONE', outcome: 'the ERP confirmed TRANSFER_STOCK (v2)' });
  });
  it('lets a person act another way once the connector never answered a command after every send', async () => {
    // Another order's policy transfer: sent 4 times, unanswered, the dispatcher has given up.
    const [stuck] = await eventually(async () => {
      const rows = await stack.sql<{ exception_id: string; command_id: string; order_number: string }>(
        `SELECT a.exception_id, c.id AS command_id, c.order_number FROM cases.execution_command c
           JOIN cases.case_action a ON a.id = c.action_id
          WHERE c.status = 'PENDING' AND c.next_attempt_at IS NULL AND c.order_number <> 'SO-1001'
          ORDER BY c.order_number LIMIT 1`,
      );
      return rows.length ? rows : undefined;
    }, 30_000);
    // The exception's best recommendation, whatever it is (sending the transfer again, if nothing else).
    const [best] = await stack.sql<{ id: string }>(
      'SELECT id FROM cases.recommendation WHERE exception_id = $1 ORDER BY rank LIMIT 1',
      [stuck.exception_id],
    );
    const taken = await graphql<{ takeRecommendation: { action: string; state: string } }>(
      stack.gatewayUrl!,
      'mutation($id: ID!) { takeRecommendation(recommendationId: $id, note: "the ERP never answered the transfer") { action state } }',
      { id: best.id },
      { authorization: `Bearer ${await stack.token({ roles: ['warehouse'], user: 'wh.wendy' })}` },
    );
    expect(taken.errors).toBeUndefined();
    expect(['DONE', 'EXECUTING']).toContain(taken.data!.takeRecommendation.state);
    const [command] = await stack.sql<{ status: string; reason: string }>(
      'SELECT status, reason FROM cases.execution_command WHERE id = $1',
      [stuck.command_id],
    );
    expect(command).toEqual({
      status: 'REJECTED',
      reason: 'abandoned: no answer from the connector after 4 sends',
    });
    const [transfer] = await stack.sql<{ state: string; outcome: string }>(
      `SELECT a.state, a.outcome FROM cases.case_action a JOIN cases.execution_command c ON c.action_id = a.id
        WHERE c.id = $1`,
      [stuck.command_id],
    );
    expect(transfer).toEqual({ state: 'FAILED', outcome: 'no answer from the ERP after 4 sends; abandoned' });
  });
});
