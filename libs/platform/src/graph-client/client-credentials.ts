import { ClientCredentials } from 'simple-oauth2';
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
const RENEW_BEFORE_MS = 60_000;

/** A token and when it stops being valid. */
export interface MintedToken {
  token: string;
  expiresAt: Date;
}

/**
 * A token source that keeps what `mint` returns until shortly before it expires; concurrent
 * callers share one mint. Used for the identity provider's tokens and, in embedded mode, for the
 * development issuer's.
 */
export function renewingTokenSource(mint: () => Promise<MintedToken>): () => Promise<string> {
  let current: MintedToken | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    if (current && Date.now() < current.expiresAt.getTime() - RENEW_BEFORE_MS)
      return Promise.resolve(current.token);
    pending ??= mint()
      .then((minted) => (current = minted).token)
      .finally(() => (pending = undefined));
    return pending;
  };
}

/**
 * A service's bearer token from its identity provider by the OAuth 2.0 client-credentials grant
 * (client authenticated with HTTP Basic).
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
  return renewingTokenSource(async () => {
    try {
      const { token } = await client.getToken(params);
      // A provider that gives no expiry: the token is used for five minutes.
      const expiresAt = token.expires_at instanceof Date ? token.expires_at : new Date(Date.now() + 300_000);
      return { token: String(token.access_token), expiresAt };
    } catch (error) {
      throw new GraphUnavailableError(`no token from ${options.tokenUrl}: ${(error as Error).message}`);
    }
  });
}
