import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLRequestContext } from '../graphql/loader-registry';
import { SecurityLog } from '../identity/security-log';
import { ACCESS_RULES, decideAccess } from './access-policy';

export const SECURITY_LOG = Symbol('SECURITY_LOG');

/**
 * Enforces {@link ACCESS_RULES} in the subgraph that owns each field, before its resolver runs:
 * every Query and Mutation resolver, and every field resolver (object fields a subgraph computes
 * or adds to another's entity). A refused field resolves to `null` with a FORBIDDEN error for its
 * path, beside the rest of the answer; the refusal is written to the security log.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(@Inject(SECURITY_LOG) private readonly securityLog: SecurityLog) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const { identity } = gql.getContext<GraphQLRequestContext>();
    const coordinate = `${info.parentType.name}.${info.fieldName}`;
    const decision = decideAccess(identity, coordinate);
    if (decision.allowed) return true;
    this.securityLog.record('access.denied', { identity, target: coordinate, reason: decision.reason });
    const scope = ACCESS_RULES[coordinate];
    throw new GraphQLError(
      scope ? `Not allowed: ${coordinate} needs the ${scope} permission` : `Not allowed: ${coordinate}`,
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
}
