/** The largest GraphQL request body ordex accepts, at the gateway and in the subgraphs alike. */
export const MAX_REQUEST_BODY = '1mb';

import type { GraphQLFormattedError } from 'graphql';
import { CLIENT_ERROR_CODES } from './client-errors';

const SAFE_CODES = new Set<string>(Object.keys(CLIENT_ERROR_CODES));

/**
 * Clients see a message and a code, never a stack trace or an internal detail: errors without a
 * known, client-facing code are reported as INTERNAL_SERVER_ERROR with a generic message.
 */
export function formatClientError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const safe = code !== undefined && SAFE_CODES.has(code);
  return {
    message: safe ? formatted.message : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: safe ? code : 'INTERNAL_SERVER_ERROR' },
  };
}
