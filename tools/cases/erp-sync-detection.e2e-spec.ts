import { CommandOutcome, createEvent } from '@ordex/contracts';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(120_000);

const SETTINGS = {
  DETECTION_SETTLE_DELAY_MS: '100',
  DETECTION_POLL_INTERVAL_MS: '100',
  DETECTION_ACK_TIMEOUT_MS: '1500',
  DETECTION_SWEEP_INTERVAL_MS: '300',
};

interface ExceptionView {
  category: string;
  status: string;
  reason: string;
  clearReason: string | null;
}

/**
 * ERP_SYNC through the real services on the wall clock: a hold command the ERP leaves
 * unacknowledged past the timeout raises an ERP_SYNC exception on the order's case, and the
 * acknowledgement clears it.
 */
describe('ERP_SYNC detection', () => {
  let stack: EmbeddedStack;
  let admin: Record<string, string>;
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
  });
  afterAll(async () => {
    await stack?.stop();
    for (const name of Object.keys(SETTINGS)) delete process.env[name];
  });

  it('raises ERP_SYNC when a command waits past the timeout, and clears it on the acknowledgement', async () => {
    await eventually(async () => {
      const { data } = await graphql<{ order: { case: { id: string } | null } }>(
        stack.gatewayUrl!,
        '{ order(orderNumber: "SO-1001") { case { id } } }',
        {},
        admin,
      );
      return data?.order.case?.id;
    }, 60_000);
    const asked = await graphql<{ placeOrderHold: { command: { commandId: string } } }>(
      stack.gatewayUrl!,
      'mutation { placeOrderHold(orderNumber: "SO-1001", type: STOCK, reason: "line 1 short") { command { commandId } } }',
      {},
      { authorization: `Bearer ${await stack.token({ roles: ['customer-service'] })}` },
    );
    expect(asked.errors).toBeUndefined();
    const { commandId } = asked.data!.placeOrderHold.command;
    expect(await erpSync()).toEqual([]);

    const raised = await eventually(async () => {
      const open = (await erpSync()).filter((e) => e.status === 'OPEN');
      return open.length ? open : undefined;
    }, 30_000);
    expect(raised).toHaveLength(1);
    expect(raised[0].reason).toContain(`the ERP has not acknowledged PLACE_HOLD ${commandId}`);

    await stack.publish(
      createEvent(
        'erp.command.acknowledged.v1',
        'SO-1001',
        {
          commandId,
          commandType: 'PLACE_HOLD',
          orderNumber: 'SO-1001',
          outcome: CommandOutcome.ACCEPTED,
          reason: null,
          erpVersion: 2,
          acknowledgedAt: new Date().toISOString(),
        },
        { source: 'erp' },
      ),
    );
    const cleared = await eventually(async () => {
      const [exception] = await erpSync();
      return exception?.status === 'CLEARED' ? exception : undefined;
    }, 30_000);
    expect(cleared.clearReason).toContain('no longer detected');
  });
});
