import { GraphQLError } from 'graphql';

/**
 * Every error code a client of the graph can receive, with what it means (docs/errors.md lists
 * the same; a spec keeps the two equal). Anything else reaches clients as INTERNAL_SERVER_ERROR
 * with a generic message.
 */
export const CLIENT_ERROR_CODES = {
  // Apollo Server and the gateway
  GRAPHQL_PARSE_FAILED: 'The document is not GraphQL, or has more tokens than allowed.',
  GRAPHQL_VALIDATION_FAILED:
    'The document does not fit the schema, or is over a depth, cost, alias or directive limit.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request (no query, not JSON, wrong transport).',
  PERSISTED_QUERY_NOT_FOUND: 'An automatic persisted query hash the gateway does not know.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are not supported here.',
  PERSISTED_QUERY_NOT_ALLOWED: 'The operation is not in the persisted-query allow-list.',
  OPERATION_RESOLUTION_FAILURE: 'The operation name does not match an operation in the document.',
  SUBGRAPH_UNAVAILABLE: 'The service owning these fields is down; the rest of the answer is complete.',
  // Identity and limits
  UNAUTHENTICATED: 'No valid bearer token (HTTP 401).',
  FORBIDDEN: "The caller's roles lack the permission the field needs; the message names it.",
  RATE_LIMITED: 'Too many requests from this identity (HTTP 429, Retry-After).',
  PAYLOAD_TOO_LARGE: 'The request body is over 1 MB (HTTP 413).',
  // Mutations
  BAD_USER_INPUT: 'An argument is out of range or malformed; the message names it.',
  NOT_FOUND: 'The thing to change does not exist, or the caller may not see it.',
  WEBHOOK_URL_REFUSED: 'A webhook URL that is not https, or points at a private or local address.',
  UNKNOWN_EVENT_TYPE: 'An event type ordex does not publish to partners.',
  ORDER_CLOSED: 'The order is cancelled or shipped: no hold can be placed on or released from it.',
  HOLD_ALREADY_OPEN: 'A hold of that type is already requested, active or being released on the order.',
  ACTION_CONFLICT:
    'The case is closed, the exception already settled or being acted on, or the approval already decided.',
  FOUR_EYES:
    'The person who asked for an approval never decides it; the person who registered a model version never promotes it.',
  MODEL_STAGE_CONFLICT:
    'The model version is already registered, or not in a stage that allows it (only a SHADOW version is promoted).',
  INSUFFICIENT_AUTHORITY:
    'The caller lacks the role or approval level the approval-authority table requires (or no one may approve it).',
  HOLD_NOT_ACTIVE:
    'The hold is not ACTIVE (still requested, being released, released or rejected): it cannot be released.',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

/** A GraphQL error a client may see as is: a message and one of the documented codes. */
export function clientError(code: ClientErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** An optional ISO 8601 instant argument (a window's `from` or `to`), or BAD_USER_INPUT naming it. */
export function instantArg(name: string, value?: string | null): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw clientError('BAD_USER_INPUT', `${name} must be an ISO 8601 instant`);
  return at;
}
