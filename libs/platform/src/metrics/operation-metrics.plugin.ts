import type { ApolloServerPlugin } from '@apollo/server';
import type { ServiceMetrics } from './service-metrics';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** Counts GraphQL operations by name (anonymous or unusual names pooled) and outcome. */
export function operationMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = !operationName
            ? 'anonymous'
            : OPERATION_NAME.test(operationName)
              ? operationName
              : 'other';
          metrics.graphqlOperations.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
