import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535 (0 picks a free port)')
    .max(65535, 'must be between 0 and 65535 (0 picks a free port)')
    .default(fallback);

export const urlWithProtocol = (protocols: string[]) =>
  z
    .string()
    .url('must be a URL')
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** Settings shared by every ordex process. */
export const commonConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_ENABLED: booleanFlag.default('false'),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlWithProtocol(['http', 'https']).optional(),
});

/** Settings of a subgraph service. Without DATABASE_URL / NATS_URL it runs on the embedded parts. */
export const subgraphConfigSchema = commonConfigSchema.extend({
  DATABASE_URL: urlWithProtocol(['postgres', 'postgresql']).optional(),
  // One connection holds the migration lock while the migrations run on another.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2, 'must be at least 2').max(200).default(10),
  NATS_URL: z
    .string()
    .regex(/^nats:\/\/[^\s,]+(,nats:\/\/[^\s,]+)*$/, 'must be one or more nats:// URLs separated by commas')
    .optional(),
  ORDEX_DATA_DIR: z.string().min(1).default('./data'),
  /** Lets webhooks go to http:// and private or local addresses (development and tests only). */
  WEBHOOK_ALLOW_INSECURE_URLS: booleanFlag.default('false'),
  /** The gateway's identity public key (SPKI PEM, Ed25519); required when a service runs on its own. */
  IDENTITY_VERIFY_KEY: z.string().min(1).optional(),
  /**
   * Where a service that reads the federated graph as itself (cases: exception detection) finds
   * the gateway, and the OAuth 2.0 client credentials it gets its token with (role `system`).
   */
  GRAPH_URL: urlWithProtocol(['http', 'https']).optional(),
  GRAPH_TOKEN_URL: urlWithProtocol(['http', 'https']).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_AUDIENCE: z.string().min(1).optional(),
});

export type CommonConfig = z.infer<typeof commonConfigSchema>;
export type SubgraphConfig = z.infer<typeof subgraphConfigSchema> & { PORT: number };
