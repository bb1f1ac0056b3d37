import { parseArgs } from 'node:util';
import type { DeadLetter } from '@ordex/platform';
import { DeadLetterAdmin } from './dead-letter-admin';

const USAGE = `usage: npm run dlq -- <command> [options]   (NATS_URL, default nats://127.0.0.1:4222)
  list [--limit N] [--from SEQ] [--consumer NAME]   dead letters, oldest first
  show SEQ                                           one dead letter: reason, headers, payload
  replay SEQ... | --all [--consumer NAME] [--keep]   publish the originals again, then remove them
  delete SEQ...                                      remove dead letters without replaying`;

function preview(data: Uint8Array): string {
  const text = new TextDecoder().decode(data);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}… (${data.length} bytes)` : text;
  }
}

function row(letter: DeadLetter): string {
  return [
    String(letter.seq).padStart(6),
    letter.failedAt.padEnd(24),
    letter.consumer.padEnd(22),
    letter.originalSubject.padEnd(28),
    letter.reason.length > 90 ? `${letter.reason.slice(0, 89)}…` : letter.reason,
  ].join('  ');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '50' },
      from: { type: 'string', default: '1' },
      consumer: { type: 'string' },
      all: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const [command, ...args] = positionals;
  const seqs = args.map(Number);
  if (!command || seqs.some((s) => !Number.isInteger(s) || s < 1)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const admin = await DeadLetterAdmin.connect((process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','));
  try {
    const ofConsumer = (l: DeadLetter) => !values.consumer || l.consumer === values.consumer;
    switch (command) {
      case 'list': {
        const letters = (await admin.list(Number(values.limit), Number(values.from))).filter(ofConsumer);
        process.stdout.write(`${await admin.count()} dead letters in the stream\n`);
        process.stdout.write(
          `${'seq'.padStart(6)}  ${'failed at'.padEnd(24)}  ${'consumer'.padEnd(22)}  ${'subject'.padEnd(28)}  reason\n`,
        );
        for (const letter of letters) process.stdout.write(`${row(letter)}\n`);
        return 0;
      }
      case 'show': {
        const letter = seqs.length === 1 ? await admin.get(seqs[0]) : undefined;
        if (!letter) {
          process.stderr.write(`no dead letter ${args[0] ?? ''}\n`);
          return 1;
        }
        const { data, ...meta } = letter;
        process.stdout.write(`${JSON.stringify(meta, null, 2)}\npayload:\n${preview(data)}\n`);
        return 0;
      }
      case 'replay': {
        const letters = values.all
          ? (await admin.list(Number.MAX_SAFE_INTEGER)).filter(ofConsumer)
          : ((await Promise.all(seqs.map((s) => admin.get(s)))).filter(Boolean) as DeadLetter[]);
        let done = 0;
        for (const letter of letters) {
          await admin.replay(letter, { keep: values.keep });
          done++;
          if (done % 100 === 0) process.stdout.write(`replayed ${done}/${letters.length}\n`);
        }
        process.stdout.write(
          `replayed ${done} dead letter(s)${values.keep ? ' (kept in the stream)' : ''}\n`,
        );
        return done === (values.all ? letters.length : seqs.length) ? 0 : 1;
      }
      case 'delete': {
        let deleted = 0;
        for (const seq of seqs) if (await admin.delete(seq).catch(() => false)) deleted++;
        process.stdout.write(`deleted ${deleted} dead letter(s)\n`);
        return deleted === seqs.length ? 0 : 1;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } finally {
    await admin.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
