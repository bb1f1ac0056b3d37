import type { JsMsg } from '@nats-io/jetstream';
import { headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { Delivery } from './delivery-processor';

const MSG_ID_HEADER = 'Nats-Msg-Id';
/** Headers the server reads or adds (Nats-Msg-Id, Nats-Expected-*, ...), kept out of BusMessage. */
const SERVER_HEADER_PREFIX = 'Nats-';

export function toMsgHdrs(record: Readonly<Record<string, string>> | undefined): MsgHdrs | undefined {
  if (!record || Object.keys(record).length === 0) return undefined;
  const hdrs = createHeaders();
  for (const [name, value] of Object.entries(record)) hdrs.set(name, value);
  return hdrs;
}

export function fromMsgHdrs(hdrs: MsgHdrs | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const name of hdrs?.keys() ?? []) {
    if (!name.startsWith(SERVER_HEADER_PREFIX)) record[name] = hdrs?.get(name) ?? '';
  }
  return record;
}

export function toDelivery(msg: JsMsg): Delivery {
  return {
    message: {
      subject: msg.subject,
      msgId: msg.headers?.get(MSG_ID_HEADER) ?? '',
      data: msg.data,
      headers: fromMsgHdrs(msg.headers),
      deliveryCount: msg.info.deliveryCount,
      seq: msg.seq,
    },
    ack: () => msg.ack(),
    nak: (delayMs) => msg.nak(delayMs),
    term: () => msg.term(),
    working: () => msg.working(),
  };
}
