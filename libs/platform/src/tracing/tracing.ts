import { NodeSDK, resources } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing for the process when enabled (off by default). Spans are exported
 * over OTLP/HTTP to `endpoint` (or the standard OTEL_EXPORTER_OTLP_* variables); W3C trace
 * context travels on the gateway's calls to subgraphs through the HTTP instrumentation.
 */
export function startTracing(serviceName: string, enabled: boolean, endpoint?: string): boolean {
  if (!enabled || sdk) return Boolean(sdk);
  if (endpoint) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = endpoint;
  process.env.OTEL_SERVICE_NAME ??= `ordex-${serviceName}`;
  sdk = new NodeSDK({
    instrumentations: [new HttpInstrumentation()],
    // Only local facts describe the process: the cloud detectors would probe metadata endpoints.
    resourceDetectors: [
      resources.envDetector,
      resources.hostDetector,
      resources.osDetector,
      resources.processDetector,
    ],
  });
  sdk.start();
  return true;
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
