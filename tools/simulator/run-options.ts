import { parseArgs } from 'node:util';
import { CustomerSegment } from '@ordex/contracts';
import { DEMO_SIZES, type DemoSizeName } from '@ordex/demo-data';
import { DEFAULT_ANSWER_POLICY } from './command-answer.util';
import { parseFalloutShares, type FalloutShares } from './fallout-shares.util';
import type { PlantedPatterns } from './stream-options';

export interface RunOptions {
  target: { kind: 'nats'; servers: string[] } | { kind: 'graphql'; url: string; token?: string };
  /** NATS servers for the connector when --answer-commands (the target's when it is NATS). */
  commandServers: string[];
  /** Wall-clock cap on events per second; undefined: no cap. */
  rate?: number;
  /** Wall seconds to run; undefined: until `orders`. */
  duration?: number;
  orders?: number;
  start: string;
  /** Simulated seconds per wall second; undefined: as fast as possible. */
  speed?: number;
  seed: number;
  size: DemoSizeName;
  fallout: FalloutShares;
  patterns: PlantedPatterns;
  ordersPerHour?: number;
  shares: { changeShare?: number; cancelShare?: number; duplicateShare?: number; resendShare?: number };
  labels?: string;
  skipMasterData: boolean;
  answerCommands?: { rejectShare: number; loseShare: number; delayMedianMs: number; lingerSeconds: number };
}

export const USAGE = `npm run simulate -- [options]
  --nats <url>                 publish to NATS JetStream (default: NATS_URL, nats://127.0.0.1:4222)
  --graphql <url> --token <t>  or submit through the gateway's submitErpEvents (batches of 500)
  --orders <n> | --duration <s>   stop after n orders or s wall seconds (default: 1000 orders)
  --rate <events/s>            cap the wall-clock rate
  --speed <sim s per wall s>   pace by simulated time (default 3600) | --as-fast-as-possible
  --start <YYYY-MM-DD[THH:MM]> simulated start, local time (default 2026-11-02)
  --seed <n> (default 1)   --size small|full (default small)   --orders-per-hour <n>
  --fallout STOCK_SHORTAGE=0.08,PRICE_MISMATCH=0.05,...   per-category shares (0–1)
  --change-share --cancel-share --duplicate-share --resend-share <0–1>
  --bad-contracts-segment KEY_ACCOUNT|REGIONAL|SMB   plant: that segment falls out on price more often
  --supplier-delay-family <family>   plant: orders of that product family fall out on stock more often
  --pattern-factor <n ≥ 1>     how many times as often (default 4)
  --labels <file.ndjson>       write the ground-truth label of every order
  --skip-master-data           do not publish the demo distributor's master data first
  --answer-commands            answer orders.command.requested.v1 as the ERP (over NATS)
    --reject-share <0–1> (0.05) --lose-share <0–1> (0.02) --answer-delay-ms <median> (2000)
    --linger <s>               keep answering this long after the stream ends (default 0)`;

function number(
  name: string,
  text: string | undefined,
  check: (n: number) => boolean,
  rule: string,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`--${name} must be ${rule} (got ${text})`);
  return value;
}

const positive = (n: number) => n > 0;

function segment(text: string | undefined): CustomerSegment | null {
  if (text === undefined) return null;
  const known = Object.values(CustomerSegment) as string[];
  if (!known.includes(text))
    throw new Error(`--bad-contracts-segment must be one of ${known.join(', ')} (got ${text})`);
  return text as CustomerSegment;
}
const share = (n: number) => n >= 0 && n <= 1;

/** Parses the runner's command line; throws one message naming the first bad option. */
export function parseRunOptions(args: string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      nats: { type: 'string' },
      graphql: { type: 'string' },
      token: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      orders: { type: 'string' },
      start: { type: 'string', default: '2026-11-02' },
      speed: { type: 'string' },
      'as-fast-as-possible': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      size: { type: 'string', default: 'small' },
      fallout: { type: 'string', default: '' },
      'bad-contracts-segment': { type: 'string' },
      'supplier-delay-family': { type: 'string' },
      'pattern-factor': { type: 'string' },
      'orders-per-hour': { type: 'string' },
      'change-share': { type: 'string' },
      'cancel-share': { type: 'string' },
      'duplicate-share': { type: 'string' },
      'resend-share': { type: 'string' },
      labels: { type: 'string' },
      'skip-master-data': { type: 'boolean', default: false },
      'answer-commands': { type: 'boolean', default: false },
      'reject-share': { type: 'string' },
      'lose-share': { type: 'string' },
      'answer-delay-ms': { type: 'string' },
      linger: { type: 'string' },
    },
  });
  if (values.nats && values.graphql) throw new Error('--nats and --graphql exclude each other');
  if (values.speed && values['as-fast-as-possible'])
    throw new Error('--speed and --as-fast-as-possible exclude each other');
  if (values.orders && values.duration) throw new Error('--orders and --duration exclude each other');
  if (!(values.size in DEMO_SIZES))
    throw new Error(`--size must be one of ${Object.keys(DEMO_SIZES).join(', ')}`);
  const servers = (values.nats ?? env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',');
  if (values.graphql && !/^https?:\/\//.test(values.graphql))
    throw new Error('--graphql must be an http(s) URL');
  const integer = (n: number) => Number.isInteger(n) && n > 0;
  const seed =
    number(
      'seed',
      values.seed ?? '1',
      (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff,
      'an integer 0–4294967295',
    ) ?? 1;
  const answer = values['answer-commands'];
  return {
    target: values.graphql
      ? { kind: 'graphql', url: values.graphql, token: values.token ?? env.ORDEX_TOKEN }
      : { kind: 'nats', servers },
    commandServers: servers,
    rate: number('rate', values.rate, positive, 'a number > 0'),
    duration: number('duration', values.duration, positive, 'a number of seconds > 0'),
    orders:
      number('orders', values.orders, integer, 'a whole number > 0') ?? (values.duration ? undefined : 1000),
    start: values.start ?? '2026-11-02',
    speed: values['as-fast-as-possible']
      ? undefined
      : (number('speed', values.speed, positive, 'a number > 0') ?? 3600),
    seed,
    size: values.size as DemoSizeName,
    fallout: parseFalloutShares(values.fallout ?? ''),
    patterns: {
      badContractSegment: segment(values['bad-contracts-segment']),
      supplierDelayFamily: values['supplier-delay-family'] ?? null,
      patternFactor: number('pattern-factor', values['pattern-factor'], (n) => n >= 1, 'a number ≥ 1'),
    },
    ordersPerHour: number('orders-per-hour', values['orders-per-hour'], positive, 'a number > 0'),
    shares: {
      changeShare: number('change-share', values['change-share'], share, 'between 0 and 1'),
      cancelShare: number('cancel-share', values['cancel-share'], share, 'between 0 and 1'),
      duplicateShare: number('duplicate-share', values['duplicate-share'], share, 'between 0 and 1'),
      resendShare: number('resend-share', values['resend-share'], share, 'between 0 and 1'),
    },
    labels: values.labels,
    skipMasterData: values['skip-master-data'] === true,
    answerCommands: answer
      ? {
          rejectShare:
            number('reject-share', values['reject-share'], share, 'between 0 and 1') ??
            DEFAULT_ANSWER_POLICY.rejectShare,
          loseShare:
            number('lose-share', values['lose-share'], share, 'between 0 and 1') ??
            DEFAULT_ANSWER_POLICY.loseShare,
          delayMedianMs:
            number('answer-delay-ms', values['answer-delay-ms'], (n) => n >= 0, 'a number ≥ 0') ??
            DEFAULT_ANSWER_POLICY.delayMedianMs,
          lingerSeconds: number('linger', values.linger, (n) => n >= 0, 'a number ≥ 0') ?? 0,
        }
      : undefined,
  };
}
