import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, encodeEvent } from '@ordex/contracts';
import { enqueueEvent, PermanentEventError, readErpEvent } from '@ordex/platform';
import { DataSource } from 'typeorm';
import type { ErpEventInput } from './erp-event.input';
import type { ErpEventReceiptObject } from './erp-event-receipt.object';

export const MAX_EVENTS_PER_SUBMISSION = 500;

/**
 * ERP events that decide who may see what: they come from the ERP over NATS only, never through
 * a GraphQL submission, so a stolen or misused token cannot widen a partner's access.
 */
const ACCESS_CONTROL_TYPES = new Set(['erp.partner.changed.v1']);

/**
 * The ERP intake for partners who cannot publish to NATS. Each event goes through exactly the
 * validation the NATS consumers apply; the valid ones are written to this service's outbox in one
 * transaction and published on their ERP subject by the relay, so they reach every consuming
 * service the same way — and survive a NATS outage.
 */
@Injectable()
export class ErpEventSubmissionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  submit(inputs: ErpEventInput[]): Promise<ErpEventReceiptObject[]> {
    return this.dataSource.transaction(async (tx) => {
      const receipts: ErpEventReceiptObject[] = [];
      for (const input of inputs) {
        if (ACCESS_CONTROL_TYPES.has(input.type)) {
          receipts.push({
            id: input.id,
            accepted: false,
            duplicate: false,
            rejection: {
              code: 'NOT_ACCEPTED_HERE',
              message: `${input.type} changes access: the ERP publishes it on NATS only`,
            },
          });
          continue;
        }
        try {
          const event = readErpEvent(encodeEvent(envelopeOf(input)), input.type);
          const queued = await enqueueEvent(tx, event);
          receipts.push({ id: input.id, accepted: queued, duplicate: !queued, rejection: null });
        } catch (error) {
          if (!(error instanceof PermanentEventError)) throw error;
          receipts.push({
            id: input.id,
            accepted: false,
            duplicate: false,
            rejection: { code: 'INVALID_EVENT', message: error.message },
          });
        }
      }
      return receipts;
    });
  }
}

function envelopeOf(input: ErpEventInput) {
  let data: unknown;
  try {
    data = JSON.parse(input.data);
  } catch (error) {
    throw new PermanentEventError(`data is not JSON: ${(error as Error).message}`);
  }
  return createEvent(input.type, input.subject, data, {
    id: input.id,
    source: input.source,
    time: input.time ?? undefined,
    correlationId: input.correlationId ?? undefined,
  });
}
