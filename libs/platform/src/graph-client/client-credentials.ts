import { AccessToken, ClientCredentials } from 'simple-oauth2';
import { GraphUnavailableError } from './graph-client';

export interface ClientCredentialsOptions {
  /** The identity provider's token endpoint. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as `audience` when the provider needs one (the gateway's OIDC audience). */
  audience?: string;
  scope?: string;
}

/** Renew a token this long before it expires. */
const RENEW_BEFORE_SECONDS = 60;

/**
 * A service's bearer token from its identity provider by the OAuth 2.0 client-credentials grant
 * (client authenticated with HTTP Basic), kept until shortly before it expires. Concurrent callers
 * share one token request.
 */
export function clientCredentialsTokenSource(options: ClientCredentialsOptions): () => Promise<string> {
  const endpoint = new URL(options.tokenUrl);
  const client = new ClientCredentials({
    client: { id: options.clientId, secret: options.clientSecret },
    auth: { tokenHost: endpoint.origin, tokenPath: endpoint.pathname + endpoint.search },
  });
  const params: Record<string, string> = {};
  if (options.audience) params.audience = options.audience;
  if (options.scope) params.scope = options.scope;
  let current: AccessToken | undefined;
  let pending: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    try {
      current = await client.getToken(params);
    } catch (error) {
      throw new GraphUnavailableError(`no token from ${options.tokenUrl}: ${(error as Error).message}`);
    }
    return String(current.token.access_token);
  };
  return () => {
    if (current && !current.expired(RENEW_BEFORE_SECONDS))
      return Promise.resolve(String(current.token.access_token));
    pending ??= fetchToken().finally(() => (pending = undefined));
    return pending;
  };
}

/** A token source for tokens minted in-process (embedded mode's development issuer), renewed likewise. */
export function renewingTokenSource(
  mint: () => Promise<string>,
  lifetimeSeconds: number,
): () => Promise<string> {
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (current && Date.now() < current.renewAt) return current.token;
    const token = await mint();
    current = { token, renewAt: Date.now() + Math.max(0, lifetimeSeconds - RENEW_BEFORE_SECONDS) * 1000 };
    return token;
  };
}
