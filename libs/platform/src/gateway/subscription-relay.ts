import type { Server } from 'node:http';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getOperationAST,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
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
}

interface RelayContext {
  identity: Identity;
  correlationId: string;
}

/**
 * GraphQL subscriptions through the gateway's endpoint (`ws://…/graphql`, graphql-ws protocol),
 * which @apollo/gateway cannot execute itself. A client authenticates with
 * `connectionParams: { authorization: 'Bearer …' }`; each subscription is checked against the
 * API schema and the request limits, then relayed to the subgraph that owns its root field with
 * the caller's identity signed as for any subgraph call, so the owner decides what the caller
 * may see. A subscription's selection is answered by that subgraph alone: ask for the rest of
 * the graph with a query.
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
