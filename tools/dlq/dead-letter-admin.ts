import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { DEFAULT_DEAD_LETTER_STREAM, decodeDeadLetter, type DeadLetter } from '@ordex/platform';

/** What operators do with the dead-letter stream: list, inspect, replay after a fix, delete. */
export class DeadLetterAdmin {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
  ) {}

  static async connect(
    servers: string[],
    stream = DEFAULT_DEAD_LETTER_STREAM.name,
  ): Promise<DeadLetterAdmin> {
    const nc = await connect({ servers, name: 'ordex-dlq-admin', timeout: 5000 });
    return new DeadLetterAdmin(nc, await jetstreamManager(nc), stream);
  }

  async count(): Promise<number> {
    return (await this.jsm.streams.info(this.stream)).state.messages;
  }

  /** Dead letters from sequence `from` on, oldest first, at most `limit`. */
  async list(limit: number, from = 1): Promise<DeadLetter[]> {
    const { state } = await this.jsm.streams.info(this.stream);
    const letters: DeadLetter[] = [];
    for (
      let seq = Math.max(from, state.first_seq || 1);
      seq <= state.last_seq && letters.length < limit;
      seq++
    ) {
      const letter = await this.get(seq);
      if (letter) letters.push(letter);
    }
    return letters;
  }

  async get(seq: number): Promise<DeadLetter | undefined> {
    const message = await this.jsm.streams.getMessage(this.stream, { seq }).catch(() => null);
    if (!message) return undefined;
    const headers: Record<string, string> = {};
    for (const name of message.header?.keys() ?? []) headers[name] = message.header.get(name);
    return decodeDeadLetter(seq, message.data, headers);
  }

  /**
   * Publishes a dead letter's original message to its original subject again (under a new message
   * id, so JetStream does not drop it as a duplicate) and removes it from the dead-letter stream
   * unless `keep`. Consumers recognise an event they already applied by its event id, so replaying
   * is safe even for one that was since applied another way.
   */
  async replay(letter: DeadLetter, { keep = false } = {}): Promise<void> {
    const js = this.jsm.jetstream();
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(letter.headers)) headers.set(name, value);
    await js.publish(letter.originalSubject, letter.data, {
      msgID: `replay:${letter.seq}:${letter.msgId}`,
      headers,
    });
    if (!keep) await this.jsm.streams.deleteMessage(this.stream, letter.seq);
  }

  async delete(seq: number): Promise<boolean> {
    return this.jsm.streams.deleteMessage(this.stream, seq);
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
