import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLInputType,
  type IntrospectionQuery,
} from 'graphql';
import { ACCESS_RULES, ROLE_SCOPES, ROLES, ROOT_TYPES, type Role } from '@ordex/platform';
import { CaseStatus, createEvent } from '@ordex/contracts';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';
import { subscribe } from './graphql-ws-client';

jest.setTimeout(120_000);

/**
 * The role × operation matrix, generated from the access policy (libs/platform/src/access):
 * every root field of the federated graph, asked through the gateway with a token of each role,
 * is refused with FORBIDDEN exactly when the role lacks the field's scope. Field-level rules are
 * checked the same way through a query that reaches them.
 */

/** Argument values the demo distributor knows, where a made-up one would not do. */
const SAMPLE_VALUES: Record<string, unknown> = {
  orderNumber: 'SO-1001',
  customerId: 'C-0001',
  sku: 'SKU-00001',
  skus: ['SKU-00001'],
  dcCode: 'DC-NORTH',
  shipDate: '2026-12-01',
  date: '2026-12-02',
  objectType: 'order',
  kpi: 'cycle_time',
  events: [],
  // A receiver that refuses connections: deliveries fail fast and stay on this machine.
  input: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['cases.case.updated.v1'] },
  // A region no DC has: the matrix's writes change no deadline.
  calendar: { region: 'MATRIX', timeZone: 'UTC', workingHours: [{ weekday: 1, from: '08:00', to: '18:00' }] },
  update: {
    caseId: '00000000-0000-4000-8000-000000000000',
    orderNumber: 'SO-1001',
    customerId: 'C-0001',
    status: 'OPEN',
    priority: 1,
    change: 'matrix',
    changedAt: '2026-11-27T06:00:00Z',
  },
};

/** A query that reaches each field-level rule, from a root field that orders:read opens. */
const FIELD_PATHS: Record<string, { via: string; query: string }> = {
  'OrderLine.availability': {
    via: 'Query.order',
    query: '{ order(orderNumber: "SO-1001") { lines { availability { __typename } } } }',
  },
  'OrderLine.priceCheck': {
    via: 'Query.order',
    query: '{ order(orderNumber: "SO-1001") { lines { priceCheck { __typename } } } }',
  },
  'Customer.credit': { via: 'Query.customer', query: '{ customer(id: "C-0001") { credit { __typename } } }' },
  'Customer.routingRules': {
    via: 'Query.customer',
    query: '{ customer(id: "C-0001") { routingRules { __typename } } }',
  },
  'Order.creditCheck': {
    via: 'Query.order',
    query: '{ order(orderNumber: "SO-1001") { creditCheck { __typename } } }',
  },
  'Order.shipmentOptions': {
    via: 'Query.order',
    query: '{ order(orderNumber: "SO-1001") { shipmentOptions { __typename } } }',
  },
  'Order.notes': { via: 'Query.order', query: '{ order(orderNumber: "SO-1001") { notes } }' },
  'Order.case': { via: 'Query.order', query: '{ order(orderNumber: "SO-1001") { case { __typename } } }' },
  ...Object.fromEntries(
    [
      'priorityFactors',
      'serviceRisk',
      'actionRanking',
      'noteTriage',
      'recommendations',
      'actions',
      'approvals',
      'customerMessage',
    ].map((field) => [
      `Case.${field}`,
      { via: 'Query.cases', query: `{ cases(first: 5) { id ${field} { __typename } } }` },
    ]),
  ),
};

/** The demo partner that acts for C-0001, whose order and customer the field paths read. */
const DEMO_PARTNER = 'PRT-NORTHWIND';

/** A case update of the demo partner's customer, which every role allowed to subscribe may see. */
const sampleCaseUpdate = () =>
  createEvent(
    'cases.case.updated.v1',
    'matrix-case',
    {
      caseId: 'matrix-case',
      orderNumber: 'SO-1001',
      customerId: 'C-0001',
      status: CaseStatus.OPEN,
      priority: 1,
      change: 'opened',
      changedAt: new Date().toISOString(),
    },
    { source: 'ordex.cases' },
  );

const allows = (role: Role, coordinate: string) => ROLE_SCOPES[role].includes(ACCESS_RULES[coordinate]);

/** A GraphQL literal of `value` for an argument of `type` (enums unquoted, input objects field by field). */
function literal(type: GraphQLInputType, value: unknown): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return typeof value === 'string' && values.includes(value) ? value : values[0];
  }
  if (isListType(inner) && Array.isArray(value)) {
    return `[${value.map((item) => literal(inner.ofType as GraphQLInputType, item)).join(', ')}]`;
  }
  if (isInputObjectType(named) && value !== null && typeof value === 'object') {
    const fields = named.getFields();
    const entries = Object.entries(value).map(
      ([key, field]) => `${key}: ${literal(fields[key].type, field)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function sampleFor(name: string, type: GraphQLInputType): unknown {
  if (name in SAMPLE_VALUES) return SAMPLE_VALUES[name];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  const named = getNamedType(type).name;
  return named === 'Int' || named === 'Float' ? 1 : named === 'Boolean' ? true : 'x';
}

/** `query { field(required args) { __typename } }` for a root field. */
function operationFor(rootType: string, field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg) => `${arg.name}: ${literal(arg.type, sampleFor(arg.name, arg.type))}`);
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  const keyword =
    rootType === 'Mutation' ? 'mutation' : rootType === 'Subscription' ? 'subscription' : 'query';
  return `${keyword} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

describe('access: role × operation matrix through the gateway', () => {
  let stack: EmbeddedStack;
  let schema: GraphQLSchema;
  const tokens = new Map<Role, string>();
  const roots: { coordinate: string; rootType: string; field: GraphQLField<unknown, unknown> }[] = [];

  const ask = (role: Role, query: string) =>
    graphql(stack.gatewayUrl!, query, {}, { authorization: `Bearer ${tokens.get(role)}` });
  const forbidden = (response: Awaited<ReturnType<typeof ask>>) =>
    (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    for (const role of ROLES) {
      tokens.set(
        role,
        await stack.token({ roles: [role], partnerId: role === 'partner' ? DEMO_PARTNER : undefined }),
      );
    }
    const introspection = await ask('admin', getIntrospectionQuery());
    schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    for (const rootType of ROOT_TYPES) {
      const type = schema.getType(rootType);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        roots.push({ coordinate: `${rootType}.${field.name}`, rootType, field });
      }
    }
  });
  afterAll(() => stack?.stop());

  it('has a rule for every root field of the graph, and no rule for a field that does not exist', () => {
    const rootRules = Object.keys(ACCESS_RULES).filter((c) => ROOT_TYPES.some((t) => c.startsWith(`${t}.`)));
    expect(roots).toHaveLength(rootRules.length);
    expect(roots.map((r) => r.coordinate).filter((c) => !(c in ACCESS_RULES))).toEqual([]);
    const missing = Object.keys(ACCESS_RULES).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      return !isObjectType(type) || !(fieldName in type.getFields());
    });
    expect(missing).toEqual([]);
  });

  it('allows each root field to exactly the roles whose scopes include its rule', async () => {
    const mismatches: string[] = [];
    for (const { coordinate, rootType, field } of roots.filter((r) => r.rootType !== 'Subscription')) {
      const operation = operationFor(rootType, field);
      for (const role of ROLES) {
        const response = await ask(role, operation);
        const denied = forbidden(response);
        const expected = allows(role, coordinate);
        if (response.status !== 200) mismatches.push(`${role} ${coordinate}: HTTP ${response.status}`);
        else if (expected && denied.length)
          mismatches.push(`${role} ${coordinate}: refused, should be allowed`);
        else if (!expected && !denied.some((e) => e.path?.[0] === field.name))
          mismatches.push(
            `${role} ${coordinate}: answered, should be FORBIDDEN (${JSON.stringify(response.errors)})`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('allows each subscription, over WebSocket, to exactly the roles whose scopes include its rule', async () => {
    const subscriptions = roots.filter((r) => r.rootType === 'Subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const { coordinate, rootType, field } of subscriptions) {
      for (const role of ROLES) {
        const client = subscribe(stack.gatewayUrl!, tokens.get(role), operationFor(rootType, field));
        try {
          // Published until the subscription answers: with data when allowed, FORBIDDEN when not.
          const first = await eventually(async () => {
            await stack.publish(sampleCaseUpdate());
            return client.results[0] ?? (client.failure ? { failure: client.failure } : undefined);
          });
          const denied = 'errors' in first && first.errors?.some((e) => e.extensions?.code === 'FORBIDDEN');
          if (allows(role, coordinate) === Boolean(denied) || 'failure' in first)
            mismatches.push(`${role} ${coordinate}: ${JSON.stringify(first)}`);
        } finally {
          await client.dispose();
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The refusing path: a token without any ordex role.
    const nobody = subscribe(
      stack.gatewayUrl!,
      await stack.token({ roles: [], user: 'nobody' }),
      operationFor('Subscription', subscriptions[0].field),
    );
    try {
      const first = await eventually(async () => nobody.results[0]);
      expect(first.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    } finally {
      await nobody.dispose();
    }
  });

  it('applies field-level rules to every role that can reach the field', async () => {
    const fieldRules = Object.keys(ACCESS_RULES).filter(
      (c) => !ROOT_TYPES.some((t) => c.startsWith(`${t}.`)),
    );
    expect(fieldRules.filter((c) => !(c in FIELD_PATHS))).toEqual([]);
    const mismatches: string[] = [];
    let checked = 0;
    for (const coordinate of fieldRules) {
      const { via, query } = FIELD_PATHS[coordinate];
      for (const role of ROLES.filter((r) => allows(r, via))) {
        checked += 1;
        const denied = forbidden(await ask(role, query)).filter((e) =>
          e.path?.includes(coordinate.split('.')[1]),
        );
        if (allows(role, coordinate) === denied.length > 0)
          mismatches.push(`${role} ${coordinate}: ${denied.length ? 'refused' : 'answered'}`);
      }
    }
    expect(checked).toBeGreaterThan(fieldRules.length);
    expect(mismatches).toEqual([]);
  });

  it('tells the client which permission was missing and keeps the rest of the answer', async () => {
    const response = await ask('warehouse', '{ customer(id: "C-0001") { id credit { creditLimit } } }');
    expect(response.data).toEqual({ customer: { id: 'C-0001', credit: null } });
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Not allowed: Customer.credit needs the credit:read permission',
        path: ['customer', 'credit'],
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
  });

  it('decides approval authority by amount, margin and tier from the decision table, as data', async () => {
    const requirement = async (token: string, amount: number) => {
      const response = await graphql<{
        approvalRequirement: {
          role: string;
          level: number;
          decisionTableVersion: number;
          callerMayApprove: boolean;
        };
      }>(
        stack.gatewayUrl!,
        `{ approvalRequirement(action: CREDIT_RELEASE, amount: ${amount}, tier: GOLD) { role level decisionTableVersion callerMayApprove } }`,
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.approvalRequirement;
    };
    const analyst = await stack.token({ roles: ['finance-credit'], user: 'analyst' });
    const manager = await stack.token({ roles: ['finance-credit'], user: 'manager', approvalLevel: 2 });
    const warehouse = tokens.get('warehouse')!;
    expect(await requirement(analyst, 25_000)).toEqual({
      role: 'finance-credit',
      level: 1,
      decisionTableVersion: 1,
      callerMayApprove: true,
    });
    expect(await requirement(analyst, 30_000)).toMatchObject({ level: 2, callerMayApprove: false });
    expect(await requirement(manager, 30_000)).toMatchObject({ level: 2, callerMayApprove: true });
    expect(await requirement(warehouse, 100)).toMatchObject({ level: 1, callerMayApprove: false });
    // A new version of the table (a data change, no deployment) raises the analysts' limit.
    const [current] = await stack.sql<{
      content: { nodes: { content?: { rules: { amount: string }[] } }[] };
    }>(`SELECT content FROM cases.decision_table WHERE key = 'approval-authority' AND version = 1`);
    const rules = current.content.nodes.find((node) => node.content)!.content!.rules;
    rules.forEach((r) => (r.amount = r.amount === '> 25000' ? '> 50000' : r.amount));
    await stack.sql(
      `INSERT INTO cases.decision_table (key, version, content, created_by, comment)
       VALUES ('approval-authority', 2, $1::jsonb, 'test.admin', 'raise the analysts limit to 50,000')`,
      [JSON.stringify(current.content)],
    );
    expect(await requirement(analyst, 30_000)).toEqual({
      role: 'finance-credit',
      level: 1,
      decisionTableVersion: 2,
      callerMayApprove: true,
    });
  });
});
