import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CORRELATION_HEADER } from '../correlation/correlation';
import type { Identity } from '../identity/identity';
import { IDENTITY_HEADER } from '../identity/internal-identity';

export interface GatewayContext {
  correlationId: string;
  /** The authenticated caller; every request that reaches GraphQL has one. */
  identity: Identity;
  /** The caller's identity signed for subgraphs: signed once per request, whatever its plan's fetches. */
  signedIdentity(): Promise<string>;
}

/**
 * A subgraph as the gateway calls it: the caller's identity travels along, signed by the gateway
 * (subgraphs refuse calls without it), and so does the correlation id; a
 * subgraph that cannot be reached becomes a typed SUBGRAPH_UNAVAILABLE error for the fields it
 * owns, without its address or the network error reaching the client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
  ) {
    super({ url });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { correlationId, signedIdentity } = context as Partial<GatewayContext>;
    if (correlationId) request.http?.headers.set(CORRELATION_HEADER, correlationId);
    if (signedIdentity) request.http?.headers.set(IDENTITY_HEADER, await signedIdentity());
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (
        error instanceof GraphQLError &&
        error.extensions?.code !== 'INTERNAL_SERVER_ERROR' &&
        error.extensions?.code
      )
        throw error;
      throw new GraphQLError(`The ${this.name} service is unavailable`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.name },
      });
    }
  }
}
