import type { Server } from 'node:http';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getNamedType,
  getOperationAST,
  isLeafType,
  isObjectType,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { CORRELATION_HEADER, correlationIdFrom } from '../correlation/correlation';
import { formatClientError } from '../graphql/format-error';
import { AuthenticationError, type Identity } from '../identity/identity';
import { IDENTITY_HEADER, type InternalIdentitySigner } from '../identity/internal-identity';
import type { SecurityLog } from '../identity/security-log';
import type { TokenAuthenticator } from '../identity/token-authenticator';

export interface SubscriptionRelayOptions {
  server: Server;
  /** The supergraph: says which subgraph owns each Subscription field, and where it runs. */
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  /** The API schema the gateway serves, once loaded. */
  apiSchema: () => GraphQLSchema | undefined;
  authenticator: TokenAuthenticator;
  identitySigner: InternalIdentitySigner;
  validationRules: ValidationRule[];
  maxTokens: number;
  securityLog: SecurityLog;
  logger: Logger;
  /**
   * Subscriptions whose selections may reach the whole graph: each owner event is completed by a
   * query through the gateway, on a Query field of the owner that echoes the event (`queryField`,
   * taking it as `argument`), so the planner fetches the rest from the services that own it.
   */
  completions?: Record<string, SubscriptionCompletion>;
  /** Runs a query through the gateway's federated executor as the subscriber. */
  complete?: (
    query: string,
    variables: Record<string, unknown>,
    context: RelayContext,
  ) => Promise<ExecutionResult>;
}

export interface SubscriptionCompletion {
  queryField: string;
  argument: string;
  /** The argument's input type, e.g. CaseUpdateInput. */
  inputType: string;
}

/** Subscriptions completed through the whole graph, by root field. */
export const SUBSCRIPTION_COMPLETIONS: Record<string, SubscriptionCompletion> = {
  caseUpdated: { queryField: 'caseUpdate', argument: 'update', inputType: 'CaseUpdateInput' },
};

export interface RelayContext {
  identity: Identity;
  correlationId: string;
}

/**
 * GraphQL subscriptions through the gateway's endpoint (`ws://…/graphql`, graphql-ws protocol),
 * which @apollo/gateway cannot execute itself. A client authenticates with
 * `connectionParams: { authorization: 'Bearer …' }`; each subscription is checked against the
 * API schema and the request limits, then relayed to the subgraph that owns its root field with
 * the caller's identity signed as for any subgraph call, so the owner decides what the caller
 * may see. For a subscription listed in `completions`, the owner streams the event's own fields
 * and each event is completed through the gateway (see {@link completedStream}), so the selection
 * may reach fields of every subgraph; other subscriptions are answered by their owner alone.
 */
export function startSubscriptionRelay(options: SubscriptionRelayOptions): { dispose(): Promise<void> } {
  const owners = subscriptionOwners(options.supergraphSdl, options.subgraphUrls);
  const wss = new WebSocketServer({ server: options.server, path: '/graphql' });
  const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

  const server = useServer<Record<string, unknown> | undefined, { context?: RelayContext }>(
    {
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const identity = await options.authenticator.authenticate(
            typeof authorization === 'string' ? authorization : undefined,
          );
          const correlation = ctx.connectionParams?.[CORRELATION_HEADER];
          ctx.extra.context = {
            identity,
            correlationId: correlationIdFrom(typeof correlation === 'string' ? correlation : undefined),
          };
          return true;
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          options.securityLog.record('authentication.failed', {
            reason: error.reason,
            target: 'subscription',
          });
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const schema = options.apiSchema();
        if (!schema) return refuse('The graph is not loaded yet', 'SUBGRAPH_UNAVAILABLE');
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return refuse(
            'Only subscriptions go over WebSocket; send queries and mutations over HTTP',
            'BAD_REQUEST',
          );
        }
        return {
          schema,
          document,
          operationName: payload.operationName ?? undefined,
          variableValues: payload.variables ?? undefined,
          contextValue: ctx.extra.context,
        };
      },
      subscribe: (args) => relay(args, owners, options),
    },
    wss,
  );
  return {
    dispose: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Streams the owning subgraph's results for one subscription, until either side ends it. */
async function* relay(
  args: ExecutionArgs,
  owners: Map<string, string>,
  options: SubscriptionRelayOptions,
): AsyncGenerator<ExecutionResult> {
  const { identity, correlationId } = args.contextValue as RelayContext;
  const operation = getOperationAST(args.document, args.operationName);
  const root = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  const url = root?.kind === Kind.FIELD ? owners.get(root.name.value) : undefined;
  if (!url) {
    yield {
      errors: [
        new GraphQLError('No subgraph serves this subscription', { extensions: { code: 'BAD_REQUEST' } }),
      ],
    };
    return;
  }
  const completion = root?.kind === Kind.FIELD ? options.completions?.[root.name.value] : undefined;
  const schema = options.apiSchema();
  if (completion && options.complete && schema && root?.kind === Kind.FIELD) {
    yield* completedStream(args, root, completion, schema, url, options);
    return;
  }
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: async () => ({
      [IDENTITY_HEADER]: await options.identitySigner.sign(identity),
      [CORRELATION_HEADER]: correlationId,
    }),
  });
  const results = client.iterate({
    query: print(args.document),
    variables: args.variableValues as Record<string, unknown> | undefined,
    operationName: args.operationName ?? undefined,
  });
  try {
    for await (const result of results) {
      yield { ...result, errors: result.errors?.map((error) => asClientError(error)) } as ExecutionResult;
    }
  } catch (error) {
    options.logger.warn({ err: error, correlationId }, 'subscription relay to the owning subgraph failed');
    yield {
      errors: [
        new GraphQLError('The service owning this subscription is unavailable', {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
        }),
      ],
    };
  } finally {
    await results.return?.();
    await client.dispose();
  }
}

/**
 * A subscription completed through the whole graph: the owner subgraph streams only the event's
 * own (leaf) fields; each event is then answered by a query through the gateway —
 * `{ <alias>: <queryField>(<argument>: $event) <the subscription's selection> }` — with the
 * subscriber's identity, so every field is resolved by the service that owns it, under the same
 * access rules as any query.
 */
async function* completedStream(
  args: ExecutionArgs,
  root: FieldNode,
  completion: SubscriptionCompletion,
  schema: GraphQLSchema,
  url: string,
  options: SubscriptionRelayOptions,
): AsyncGenerator<ExecutionResult> {
  const context = args.contextValue as RelayContext;
  const operation = getOperationAST(args.document, args.operationName) as OperationDefinitionNode;
  const payloadType = getNamedType(schema.getSubscriptionType()?.getFields()[root.name.value]?.type);
  if (!isObjectType(payloadType)) return;
  const leaves = Object.values(payloadType.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
  const fragments = args.document.definitions.filter(
    (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  const usedBy = (...nodes: ASTNode[]) => {
    const names = new Set<string>();
    for (const node of nodes) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
    return (operation.variableDefinitions ?? []).filter((d) => names.has(d.variable.name.value));
  };
  const ownerDocument: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        ...operation,
        variableDefinitions: usedBy(...(root.arguments ?? [])),
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              ...root,
              alias: undefined,
              directives: [],
              selectionSet: {
                kind: Kind.SELECTION_SET,
                selections: leaves.map((name) => ({
                  kind: Kind.FIELD,
                  name: { kind: Kind.NAME, value: name },
                })),
              },
            },
          ],
        },
      },
    ],
  };
  const responseKey = root.alias?.value ?? root.name.value;
  const eventVariable = '__ordexEvent';
  const completionField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: completion.queryField },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: completion.argument },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: eventVariable } },
      },
    ],
    selectionSet: root.selectionSet,
  };
  const completionQuery = print({
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: { kind: Kind.NAME, value: 'SubscriptionCompletion' },
        variableDefinitions: [
          ...usedBy(root.selectionSet ?? root, ...fragments),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: eventVariable } },
            type: {
              kind: Kind.NON_NULL_TYPE,
              type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: completion.inputType } },
            },
          },
        ],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [completionField] },
      },
      ...fragments,
    ],
  });
  const complete = options.complete as NonNullable<SubscriptionRelayOptions['complete']>;
  for await (const result of relay({ ...args, document: ownerDocument }, subscriptionOwnersOnly(root, url), {
    ...options,
    completions: undefined,
  })) {
    const event = (result.data as Record<string, unknown> | null | undefined)?.[root.name.value];
    if (!event || result.errors?.length) {
      yield result;
      continue;
    }
    const completed = await complete(
      completionQuery,
      { ...(args.variableValues ?? {}), [eventVariable]: event },
      context,
    );
    yield {
      data: {
        [responseKey]: (completed.data as Record<string, unknown> | null | undefined)?.[responseKey] ?? null,
      },
      ...(completed.errors?.length ? { errors: completed.errors } : {}),
    };
  }
}

/** The owner map for one already-resolved subscription field. */
function subscriptionOwnersOnly(root: FieldNode, url: string): Map<string, string> {
  return new Map([[root.name.value, url]]);
}

function asClientError(error: {
  message: string;
  path?: readonly (string | number)[];
  extensions?: unknown;
}) {
  const formatted = formatClientError({
    message: error.message,
    path: error.path,
    extensions: error.extensions as Record<string, unknown> | undefined,
  });
  return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
}

/** Subscription field → URL of the subgraph that owns it, read from the supergraph's join directives. */
export function subscriptionOwners(
  supergraphSdl: string,
  subgraphUrls: Record<string, string>,
): Map<string, string> {
  const document = parse(supergraphSdl);
  const graphs = new Map<string, { name: string; url: string }>();
  const owners = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const directive = value.directives?.find((d) => d.name.value === 'join__graph');
        const argument = (name: string) => {
          const arg = directive?.arguments?.find((a) => a.name.value === name);
          return arg?.value.kind === Kind.STRING ? arg.value.value : '';
        };
        graphs.set(value.name.value, { name: argument('name'), url: argument('url') });
      }
    }
  }
  const graphOf = (directives: ObjectTypeDefinitionNode['directives'], name: string) => {
    const directive = directives?.find((d) => d.name.value === name);
    const arg = directive?.arguments?.find((a) => a.name.value === 'graph');
    return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Subscription') continue;
    const typeGraph = graphOf(definition.directives, 'join__type');
    for (const field of definition.fields ?? []) {
      const graph = graphs.get(graphOf(field.directives, 'join__field') ?? typeGraph ?? '');
      if (graph) owners.set(field.name.value, subgraphUrls[graph.name] ?? graph.url);
    }
  }
  return owners;
}
