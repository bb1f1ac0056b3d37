import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CORRELATION_HEADER } from '../correlation/correlation';

export interface GatewayContext {
  correlationId: string;
}

/**
 * A subgraph as the gateway calls it: the request's correlation id travels along, and a
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

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const correlationId = (context as Partial<GatewayContext>)?.correlationId;
    if (correlationId) request.http?.headers.set(CORRELATION_HEADER, correlationId);
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
