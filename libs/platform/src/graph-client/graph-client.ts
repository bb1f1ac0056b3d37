/**
 * How an ordex service reads the federated graph as itself (the cases service reads an order's
 * operational context to detect its exceptions): GraphQL over HTTP to the gateway, with a bearer
 * token the gateway authenticates like any other caller's. Services never read each other's tables.
 */
export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint; a function, because in one process the gateway starts last. */
  url: () => string | undefined;
  /** A valid bearer token for the service's identity (cached by the source). */
  token: () => Promise<string>;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
}

export interface GraphError {
  message: string;
  /** Where in the answer the error sits, e.g. ['orders', 3, 'creditCheck']. */
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphResponse<T> {
  data: T | null;
  errors: GraphError[];
}

/** The graph could not be asked (no address yet, network, timeout, a non-GraphQL answer): try later. */
export class GraphUnavailableError extends Error {
  constructor(
    message: string,
    /** The HTTP status when the gateway answered; a 4xx means it refused the operation itself. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphUnavailableError';
  }
}

export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /**
   * Sends one operation. Resolves with the data and the field errors GraphQL answered with (a
   * partial answer is the caller's to judge); rejects with GraphUnavailableError when there is no
   * GraphQL answer at all.
   */
  async request<T>(document: string, variables: Record<string, unknown>): Promise<GraphResponse<T>> {
    const url = this.options.url();
    if (!url) throw new GraphUnavailableError('the gateway address is not known yet');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${await this.options.token()}`,
        },
        body: JSON.stringify({ query: document, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new GraphUnavailableError(`gateway at ${url} unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    const body = parseGraphQL<T>(text);
    if (!body) {
      throw new GraphUnavailableError(
        `gateway answered ${response.status} without GraphQL: ${text.slice(0, 200)}`,
      );
    }
    const errors = body.errors ?? [];
    if (!response.ok && !body.data) {
      throw new GraphUnavailableError(
        `gateway answered ${response.status}: ${errors.map((e) => e.message).join('; ') || 'no data'}`,
        response.status,
      );
    }
    return { data: body.data ?? null, errors };
  }
}

/** A GraphQL response body (an object with `data` or `errors`), or null for anything else. */
function parseGraphQL<T>(text: string): { data?: T | null; errors?: GraphError[] } | null {
  try {
    const body: unknown = JSON.parse(text);
    const isGraphQL = body !== null && typeof body === 'object' && ('data' in body || 'errors' in body);
    return isGraphQL ? (body as { data?: T | null; errors?: GraphError[] }) : null;
  } catch {
    return null;
  }
}
