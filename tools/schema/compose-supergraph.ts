import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Composes subgraph SDLs into a supergraph with @apollo/composition; errors are returned, not thrown. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): { supergraphSdl?: string; errors: string[] } {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors?.length) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

/** A running subgraph's SDL, as its `_service { sdl }` reports it. */
export async function fetchSdl(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service: { sdl: string } }; errors?: unknown };
  if (!body.data) throw new Error(`${url} did not return its SDL: ${JSON.stringify(body.errors)}`);
  return `${body.data._service.sdl.trim()}\n`;
}
