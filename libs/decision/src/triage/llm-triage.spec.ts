import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FallbackTriage,
  LLM_TRIAGE_PROMPT,
  OpenAiCompatibleTriage,
  TriageUnavailableError,
  triageFromEnv,
} from './llm-triage';
import { loadShippedTriage } from './shipped-triage';
import { TextTriageModel } from './text-triage-model';
import { TRIAGE_CATEGORIES } from './triage';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body: unknown;
}

/** A local stand-in for an OpenAI-compatible endpoint: each test says how it answers. */
describe('OpenAI-compatible LLM triage', () => {
  let server: Server;
  let baseUrl: string;
  let answer: (res: ServerResponse) => void;
  const seen: Seen[] = [];

  const completion = (content: string) => (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content } }],
      }),
    );
  };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body: JSON.parse(raw),
        });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const llm = (timeoutMs = 2_000) =>
    new OpenAiCompatibleTriage({ baseUrl, model: 'triage-7b', apiKey: 'sk-test', timeoutMs });

  it('asks with the taxonomy prompt and the note, and takes a valid answer', async () => {
    answer = completion('{"category": "CREDIT_HOLD", "confidence": 0.92}');
    const result = await llm().classify('cust over limit, hold until payment received');
    expect(result).toEqual({
      category: 'CREDIT_HOLD',
      confidence: 0.92,
      scores: { CREDIT_HOLD: 0.92 },
      source: 'llm',
      modelVersion: 'triage-7b',
    });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/v1/chat/completions',
        authorization: 'Bearer sk-test',
        body: {
          model: 'triage-7b',
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: LLM_TRIAGE_PROMPT },
            { role: 'user', content: 'cust over limit, hold until payment received' },
          ],
        },
      },
    ]);
    for (const category of TRIAGE_CATEGORIES) expect(LLM_TRIAGE_PROMPT).toContain(`- ${category}: `);
  });

  it('sends no key when none is configured, and tolerates a trailing slash on the base URL', async () => {
    answer = completion('{"category": "ERP_SYNC", "confidence": 0.8}');
    const triage = new OpenAiCompatibleTriage({ baseUrl: `${baseUrl}/`, model: 'm', timeoutMs: 2_000 });
    expect((await triage.classify('IDoc stuck')).category).toBe('ERP_SYNC');
    expect(seen[0].url).toBe('/v1/chat/completions');
    expect(seen[0].authorization).toBeUndefined();
  });

  const unusable = { category: null, confidence: 0, scores: {}, source: 'llm', modelVersion: 'triage-7b' };

  it.each([
    ['an unknown category', '{"category": "LATE_DELIVERY", "confidence": 0.9}'],
    ['no category', '{"category": null, "confidence": 0.9}'],
    ['malformed JSON', '{"category": "CREDIT_HOLD", '],
    ['prose around the JSON', 'Sure! {"category": "CREDIT_HOLD", "confidence": 0.9}'],
    ['a confidence out of range', '{"category": "CREDIT_HOLD", "confidence": 7}'],
    ['no confidence', '{"category": "CREDIT_HOLD"}'],
  ])('reads %s as no category', async (_, content) => {
    answer = completion(content);
    expect(await llm().classify('note')).toEqual(unusable);
  });

  it('reads a body that is not a chat completion as no category', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error": "no choices"}');
    };
    expect(await llm().classify('note')).toEqual(unusable);
    answer = (res) => res.end('not json at all');
    expect(await llm().classify('note')).toEqual(unusable);
  });

  it('answers null below the threshold, keeping what the LLM said', async () => {
    answer = completion('{"category": "ROUTING_RULE", "confidence": 0.3}');
    expect(await llm().classify('note')).toEqual({
      category: null,
      confidence: 0.3,
      scores: { ROUTING_RULE: 0.3 },
      source: 'llm',
      modelVersion: 'triage-7b',
    });
  });

  it('raises TriageUnavailableError on an HTTP error', async () => {
    answer = (res) => {
      res.writeHead(500);
      res.end('upstream exploded');
    };
    const failure = llm().classify('note');
    await expect(failure).rejects.toThrow(TriageUnavailableError);
    await expect(failure).rejects.toThrow(`LLM triage at ${baseUrl}/chat/completions answered HTTP 500`);
  });

  it('raises TriageUnavailableError when the endpoint does not answer in time', async () => {
    answer = () => undefined;
    const started = Date.now();
    const failure = llm(200).classify('note');
    await expect(failure).rejects.toThrow(
      `LLM triage at ${baseUrl}/chat/completions did not answer within 200 ms`,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('raises TriageUnavailableError when nothing listens', async () => {
    const nowhere = new OpenAiCompatibleTriage({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      timeoutMs: 2_000,
    });
    await expect(nowhere.classify('note')).rejects.toThrow(
      /^LLM triage at http:\/\/127\.0\.0\.1:1\/v1\/chat\/completions failed: /,
    );
  });

  describe('triageFromEnv', () => {
    it('is the shipped model unless TRIAGE_LLM_URL is set', async () => {
      for (const env of [{}, { TRIAGE_LLM_URL: '' }, { TRIAGE_LLM_MODEL: 'triage-7b' }]) {
        const triage = triageFromEnv(env);
        expect(triage).toBeInstanceOf(TextTriageModel);
        expect((await triage.classify('pls ship from Hamburg, Munich out of stock')).source).toBe('model');
      }
      expect(seen).toEqual([]);
    });

    it('asks the configured endpoint, and the shipped model when the endpoint is unavailable', async () => {
      const triage = triageFromEnv({
        TRIAGE_LLM_URL: baseUrl,
        TRIAGE_LLM_MODEL: 'triage-7b',
        TRIAGE_LLM_API_KEY: 'sk-env',
        TRIAGE_LLM_TIMEOUT_MS: '300',
      });
      expect(triage).toBeInstanceOf(FallbackTriage);
      answer = completion('{"category": "STOCK_SHORTAGE", "confidence": 0.99}');
      const note = 'pls ship from Hamburg, Munich out of stock';
      expect(await triage.classify(note)).toMatchObject({ category: 'STOCK_SHORTAGE', source: 'llm' });
      expect(seen[0].authorization).toBe('Bearer sk-env');
      answer = (res) => {
        res.writeHead(503);
        res.end();
      };
      expect(await triage.classify(note)).toEqual(await loadShippedTriage().classify(note));
      answer = () => undefined;
      expect(await triage.classify(note)).toMatchObject({ category: 'STOCK_SHORTAGE', source: 'model' });
    });

    it('refuses malformed settings', () => {
      expect(() => triageFromEnv({ TRIAGE_LLM_URL: baseUrl })).toThrow(
        'text triage settings: TRIAGE_LLM_MODEL: TRIAGE_LLM_MODEL is required when TRIAGE_LLM_URL is set',
      );
      expect(() => triageFromEnv({ TRIAGE_LLM_URL: 'localhost:11434', TRIAGE_LLM_MODEL: 'm' })).toThrow(
        'text triage settings: TRIAGE_LLM_URL: must be an http:// or https:// URL',
      );
      expect(() =>
        triageFromEnv({ TRIAGE_LLM_URL: baseUrl, TRIAGE_LLM_MODEL: 'm', TRIAGE_LLM_TIMEOUT_MS: 'soon' }),
      ).toThrow('text triage settings: TRIAGE_LLM_TIMEOUT_MS: Expected number, received nan');
    });
  });

  it('lets other failures through the fallback', async () => {
    const broken = { classify: () => Promise.reject(new Error('bug')) };
    await expect(new FallbackTriage(broken, loadShippedTriage()).classify('note')).rejects.toThrow('bug');
  });
});
