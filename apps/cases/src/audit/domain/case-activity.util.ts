import type { ActivityAttribute, ActivityObject, CaseActivity } from '@ordex/contracts';
import type { AuditRecord, JsonObject, JsonValue } from './chain-hash.util';

/** Payload fields naming an object the step touched, and that object's type in the event log. */
const OBJECT_FIELDS: readonly (readonly [field: string, type: string])[] = [
  ['exceptionId', 'exception'],
  ['taskId', 'task'],
  ['approvalId', 'approval'],
  ['actionId', 'action'],
  ['commandId', 'command'],
];
const OBJECT_FIELD_NAMES = new Set(OBJECT_FIELDS.map(([field]) => field));
/** The nested payload object whose scalar facts are worth keeping (the detection rule's inputs). */
const NESTED_FACTS = 'inputs';
/**
 * Nested payload objects kept as `<name>.<field>` attributes: the assessment's service-risk
 * decision, and what an action taken was ranked on (analytics trains the next model on it).
 */
const PREFIXED = ['serviceRisk', 'rankingInput'] as const;

/** The case a step belongs to, as the event log names it. */
export interface ActivityCase {
  orderNumber: string;
  customerId: string | null;
}

/**
 * One audit entry as `cases.activity.recorded.v1`: the step with every object it touched (the case,
 * its order, the order line, and the exception, task, approval, action or command the payload
 * names) and its scalar facts as attributes, so analytics can build an object-centric event log
 * without reading the cases service's tables.
 */
export function toCaseActivity(entry: AuditRecord & { seq: string }, kase: ActivityCase): CaseActivity {
  const { payload } = entry;
  const objects: ActivityObject[] = [
    { type: 'case', id: entry.caseId, qualifier: 'case' },
    { type: 'order', id: kase.orderNumber, qualifier: 'order' },
  ];
  const lineNo = payload.lineNo;
  if (typeof lineNo === 'number')
    objects.push({ type: 'line', id: `${kase.orderNumber}/${lineNo}`, qualifier: 'order line' });
  for (const [field, type] of OBJECT_FIELDS) {
    const id = payload[field];
    if (typeof id === 'string' && id) objects.push({ type, id, qualifier: type });
  }
  const team = typeof payload.team === 'string' ? payload.team : null;
  return {
    activityId: `${entry.caseId}:${entry.seq}`,
    caseId: entry.caseId,
    orderNumber: kase.orderNumber,
    customerId: kase.customerId,
    activity: entry.action,
    actor: entry.actor,
    team,
    occurredAt: entry.recordedAt,
    objects,
    attributes: scalarAttributes(payload),
  };
}

/**
 * The payload's scalar fields (ids of objects left out), then the detection inputs' not yet named,
 * then the service-risk decision's and the ranking input's, prefixed.
 */
function scalarAttributes(payload: JsonObject): ActivityAttribute[] {
  const attributes = new Map<string, string>();
  for (const [name, value] of Object.entries(payload)) {
    if (OBJECT_FIELD_NAMES.has(name)) continue;
    const text = scalarText(value);
    if (text !== null) attributes.set(name, text);
  }
  const nested = payload[NESTED_FACTS];
  if (nested && typeof nested === 'object' && !Array.isArray(nested))
    for (const [name, value] of Object.entries(nested)) {
      const text = scalarText(value);
      if (text !== null && !attributes.has(name)) attributes.set(name, text);
    }
  for (const prefix of PREFIXED) {
    const nestedFacts = payload[prefix];
    if (nestedFacts && typeof nestedFacts === 'object' && !Array.isArray(nestedFacts))
      for (const [name, value] of Object.entries(nestedFacts)) {
        const text = scalarText(value);
        if (text !== null) attributes.set(`${prefix}.${name}`, text);
      }
  }
  return [...attributes].map(([name, value]) => ({ name, value }));
}

/** Strings as they are, numbers and booleans as JSON; null, arrays and objects are not attributes. */
function scalarText(value: JsonValue): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return null;
}
