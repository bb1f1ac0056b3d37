/** Where the command-line tools reach ordex's graph, and as whom. */
export interface GraphTarget {
  graphql?: string;
  token?: string;
}

/**
 * One GraphQL request to the gateway — `--graphql` (else `$ORDEX_GRAPHQL_URL`, else the local
 * gateway) with `--token` (else `$ORDEX_TOKEN`) — answering its data, or throwing the first error.
 */
export async function graphRequest<T>(
  target: GraphTarget,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const url = target.graphql ?? process.env.ORDEX_GRAPHQL_URL ?? 'http://localhost:4000/graphql';
  const token = target.token ?? process.env.ORDEX_TOKEN;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}
