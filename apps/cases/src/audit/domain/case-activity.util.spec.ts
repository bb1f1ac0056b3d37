import { CaseActivitySchema } from '@ordex/contracts';
import { toCaseActivity } from './case-activity.util';

const kase = { orderNumber: 'SO-1', customerId: 'C-7' };

describe('toCaseActivity', () => {
  it('names every object the step touched and keeps its scalar facts', () => {
    const activity = toCaseActivity(
      {
        seq: '42',
        caseId: 'case-1',
        actor: 'ordex.detection',
        action: 'exception.detected',
        recordedAt: '2026-11-27T09:00:00.000Z',
        payload: {
          exceptionId: 'ex-1',
          taskId: 'task-1',
          category: 'STOCK_SHORTAGE',
          lineNo: 2,
          team: 'supply',
          slaTargetMinutes: 240,
          tables: { routing: 1 },
          inputs: { sku: 'SKU-9', dcCode: 'DC-BER', quantity: 12, category: 'ignored', alternateDc: null },
        },
      },
      kase,
    );
    expect(activity).toEqual({
      activityId: 'case-1:42',
      caseId: 'case-1',
      orderNumber: 'SO-1',
      customerId: 'C-7',
      activity: 'exception.detected',
      actor: 'ordex.detection',
      team: 'supply',
      occurredAt: '2026-11-27T09:00:00.000Z',
      objects: [
        { type: 'case', id: 'case-1', qualifier: 'case' },
        { type: 'order', id: 'SO-1', qualifier: 'order' },
        { type: 'line', id: 'SO-1/2', qualifier: 'order line' },
        { type: 'exception', id: 'ex-1', qualifier: 'exception' },
        { type: 'task', id: 'task-1', qualifier: 'task' },
      ],
      attributes: [
        { name: 'category', value: 'STOCK_SHORTAGE' },
        { name: 'lineNo', value: '2' },
        { name: 'team', value: 'supply' },
        { name: 'slaTargetMinutes', value: '240' },
        { name: 'sku', value: 'SKU-9' },
        { name: 'dcCode', value: 'DC-BER' },
        { name: 'quantity', value: '12' },
      ],
    });
    expect(CaseActivitySchema().safeParse(activity).success).toBe(true);
  });

  it("an assessment's service-risk decision becomes prefixed attributes", () => {
    const activity = toCaseActivity(
      {
        seq: '3',
        caseId: 'case-1',
        actor: 'ordex.assessment',
        action: 'case.assessed',
        recordedAt: '2026-11-27T09:00:00.000Z',
        payload: {
          model: 'priority-1',
          serviceRisk: {
            probability: 0.42,
            source: 'model',
            modelVersion: 'service-risk-abc',
            rulesVersion: 'service-risk-rules-1',
            fallbackReason: null,
          },
        },
      },
      kase,
    );
    expect(activity.attributes).toEqual([
      { name: 'model', value: 'priority-1' },
      { name: 'serviceRisk.probability', value: '0.42' },
      { name: 'serviceRisk.source', value: 'model' },
      { name: 'serviceRisk.modelVersion', value: 'service-risk-abc' },
      { name: 'serviceRisk.rulesVersion', value: 'service-risk-rules-1' },
    ]);
  });

  it('an action taken carries what it was ranked on as prefixed attributes (nulls left out)', () => {
    const activity = toCaseActivity(
      {
        seq: '4',
        caseId: 'case-1',
        actor: 'ordex.policy',
        action: 'action.taken',
        recordedAt: '2026-11-27T09:05:00.000Z',
        payload: {
          actionId: 'action-1',
          action: 'ALTERNATE_DC',
          rank: 1,
          rankingInput: {
            action: 'ALTERNATE_DC',
            category: 'STOCK_SHORTAGE',
            cost: 40,
            automatable: true,
            segment: null,
          },
        },
      },
      kase,
    );
    expect(activity.attributes).toEqual([
      { name: 'action', value: 'ALTERNATE_DC' },
      { name: 'rank', value: '1' },
      { name: 'rankingInput.action', value: 'ALTERNATE_DC' },
      { name: 'rankingInput.category', value: 'STOCK_SHORTAGE' },
      { name: 'rankingInput.cost', value: '40' },
      { name: 'rankingInput.automatable', value: 'true' },
    ]);
  });

  it('a step without objects of its own still names its case and order; a null id names nothing', () => {
    const activity = toCaseActivity(
      {
        seq: '7',
        caseId: 'case-2',
        actor: 'erp',
        action: 'case.closed',
        recordedAt: '2026-11-27T10:00:00.000Z',
        payload: { approvalId: null, outcome: 'ACCEPTED', settled: true },
      },
      { orderNumber: 'SO-2', customerId: null },
    );
    expect(activity.objects.map((o) => o.type)).toEqual(['case', 'order']);
    expect(activity.team).toBeNull();
    expect(activity.customerId).toBeNull();
    expect(activity.attributes).toEqual([
      { name: 'outcome', value: 'ACCEPTED' },
      { name: 'settled', value: 'true' },
    ]);
  });
});
