import type { EventEnvelope } from '@ordex/contracts';
import { publishEvent, type EventBus } from '@ordex/platform';

/** Where the runner sends the ERP's events: ordex's NATS intake or its GraphQL intake. */
export interface EventSink {
  /** Largest batch `send` takes. */
  readonly batchSize: number;
  /** Sends a batch; resolves with what happened to each event, in order. */
  send(events: EventEnvelope<unknown>[]): Promise<SendResult[]>;
}

export type SendResult = 'accepted' | 'duplicate' | { error: string };

export class NatsSink implements EventSink {
  readonly batchSize = 1;

  constructor(private readonly bus: EventBus) {}

  async send(events: EventEnvelope<unknown>[]): Promise<SendResult[]> {
    const results: SendResult[] = [];
    for (const event of events) {
      try {
        results.push((await publishEvent(this.bus, event)).duplicate ? 'duplicate' : 'accepted');
      } catch (error) {
        results.push({ error: (error as Error).message });
      }
    }
    return results;
  }
}

/** At most this many events per submitErpEvents call (the mutation's limit). */
export const GRAPHQL_BATCH = 500;

const SUBMIT = `mutation Submit($events: [ErpEventInput!]!) {
  submitErpEvents(events: $events) { id accepted duplicate rejection { code message } }
}`;

interface Receipt {
  id: string;
  accepted: boolean;
  duplicate: boolean;
  rejection: { code: string; message: string } | null;
}

/** The gateway's submitErpEvents mutation, for deployments the simulator cannot reach over NATS. */
export class GraphqlSink implements EventSink {
  readonly batchSize = GRAPHQL_BATCH;

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async send(events: EventEnvelope<unknown>[]): Promise<SendResult[]> {
    const input = events.map((e) => ({
      id: e.id,
      type: e.type,
      subject: e.subject,
      source: e.source,
      time: e.time,
      correlationId: e.correlationid,
      data: JSON.stringify(e.data),
    }));
    try {
      const response = await this.fetchFn(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query: SUBMIT, variables: { events: input } }),
      });
      const body = (await response.json()) as {
        data?: { submitErpEvents?: Receipt[] } | null;
        errors?: { message: string }[];
      };
      const receipts = body.data?.submitErpEvents;
      if (!receipts) {
        const reason = body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
        return events.map(() => ({ error: reason }));
      }
      return receipts.map((r) =>
        r.accepted
          ? 'accepted'
          : r.duplicate
            ? 'duplicate'
            : { error: `${r.rejection?.code}: ${r.rejection?.message}` },
      );
    } catch (error) {
      return events.map(() => ({ error: (error as Error).message }));
    }
  }
}
