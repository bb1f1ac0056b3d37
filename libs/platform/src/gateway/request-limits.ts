import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, type ValidationContext } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { identityOf } from '../identity/authentication.middleware';
import type { SecurityLog } from '../identity/security-log';

/** What one GraphQL request may ask of the graph, checked at the gateway before any planning. */
export interface RequestLimits {
  /** Deepest field nesting (introspection excepted). */
  maxDepth: number;
  /** GraphQL Armor's static cost: objects 2, scalars 1, times 1.5 per level of depth. */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens in the document: bounds parsing work. */
  maxTokens: number;
  maxDirectives: number;
  /** Requests per identity per minute (per gateway instance). */
  requestsPerMinute: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxCost: 5_000,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  requestsPerMinute: 600,
};

/** A GraphQL-shaped error body for refusals made before GraphQL runs. */
export function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * GraphQL Armor's validation rules for `limits` (and graphql-js's own token limit while
 * parsing): a document over a limit fails with a message naming the limit, so nothing is planned
 * or sent to a subgraph.
 */
export function armorProtection(limits: RequestLimits, securityLog: SecurityLog) {
  // Reported as one validation error each (thrown, they would abort validation mid-way).
  const reject = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        securityLog.record('limit.exceeded', { reason: error.message });
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
      },
    ],
  };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...reject },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...reject },
    maxAliases: { n: limits.maxAliases, ...reject },
    // graphql-js counts tokens itself (parseOptions below), stopping the parser at the limit.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...reject },
    // Suggestions are removed where errors are formatted (startGateway), whole sentence and all.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const tokenLimitLog: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error?: Error) => {
            if (error && /Document contains more th(?:at|an) \d+ tokens/.test(error.message)) {
              securityLog.record('limit.exceeded', { reason: error.message });
            }
          };
        },
      };
    },
  };
  return {
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, tokenLimitLog],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/**
 * Per-identity request budget (token bucket over a minute). A caller over it gets 429 with
 * Retry-After before its body is read. The budget is per gateway instance: with N instances
 * behind a balancer a caller gets up to N times it.
 */
export function rateLimitMiddleware(requestsPerMinute: number, securityLog: SecurityLog) {
  const limiter = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 });
  return (req: Request, res: Response, next: NextFunction): void => {
    const identity = identityOf(req);
    const key = identity ? `${identity.partnerId ?? ''}|${identity.subject}` : (req.ip ?? 'unknown');
    limiter.consume(key).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(refusal);
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        securityLog.record('limit.exceeded', {
          identity,
          ip: req.ip,
          reason: `over ${requestsPerMinute} requests per minute`,
        });
        res.setHeader('Retry-After', String(seconds));
        res
          .status(429)
          .json(errorBody(`Too many requests: at most ${requestsPerMinute} per minute`, 'RATE_LIMITED'));
      },
    );
  };
}

/**
 * Turns body-parser failures into GraphQL-shaped answers: 413 for a body over the size limit
 * (logged as a limit hit), 400 for a body that is not JSON.
 */
export function bodyErrorHandler(maxBody: string, securityLog: SecurityLog) {
  return (error: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      securityLog.record('limit.exceeded', {
        identity: identityOf(req),
        ip: req.ip,
        reason: `request body over ${maxBody}`,
      });
      res.status(413).json(errorBody(`Request body too large: the limit is ${maxBody}`, 'PAYLOAD_TOO_LARGE'));
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('Request body is not valid JSON', 'BAD_REQUEST'));
      return;
    }
    next(error);
  };
}

/**
 * An allow-list of operations (an Apollo persisted-query manifest: `{ "operations": [{ "id",
 * "body" }] }`, id = SHA-256 of the body). With one configured, the gateway runs only listed
 * operations: sent in full, or by id alone in `extensions.persistedQuery.sha256Hash`.
 */
export class PersistedQueryAllowList {
  private constructor(private readonly bodies: ReadonlyMap<string, string>) {}

  static fromManifestFile(path: string): PersistedQueryAllowList {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
      operations?: { id?: unknown; body?: unknown }[];
    };
    if (!Array.isArray(manifest.operations)) throw new Error(`${path}: no "operations" list`);
    const bodies = new Map<string, string>();
    for (const { id, body } of manifest.operations) {
      if (typeof body !== 'string') throw new Error(`${path}: an operation without a body`);
      const hash = sha256(body);
      if (id !== undefined && id !== hash)
        throw new Error(`${path}: id ${String(id)} is not the SHA-256 of its body`);
      bodies.set(hash, body);
    }
    return new PersistedQueryAllowList(bodies);
  }

  get size(): number {
    return this.bodies.size;
  }

  /** Express middleware after the JSON body parser. */
  middleware(securityLog: SecurityLog) {
    return (req: Request, res: Response, next: NextFunction): void => {
      const params = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
      const query = typeof params?.query === 'string' ? params.query : undefined;
      const hash = query !== undefined ? sha256(query) : persistedHash(params?.extensions);
      const body = hash === undefined ? undefined : this.bodies.get(hash);
      if (body === undefined) {
        securityLog.record('limit.exceeded', {
          identity: identityOf(req),
          ip: req.ip,
          reason: 'operation not in the persisted-query allow-list',
        });
        res.status(400).json(errorBody('Operation not in the allow-list', 'PERSISTED_QUERY_NOT_ALLOWED'));
        return;
      }
      if (query === undefined && req.method !== 'GET') (req.body as Record<string, unknown>).query = body;
      next();
    };
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function persistedHash(extensions: unknown): string | undefined {
  const parsed = typeof extensions === 'string' ? safeJson(extensions) : extensions;
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
    ?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
