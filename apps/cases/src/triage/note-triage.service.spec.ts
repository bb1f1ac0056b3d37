import { CaseStatus, ExceptionCategory, Team } from '@ordex/contracts';
import {
  loadShippedTriage,
  TriageUnavailableError,
  type TextTriage,
  type TriageResult,
} from '@ordex/decision';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { AuditTrailService } from '../audit/audit-trail.service';
import { CaseEntity } from '../cases/case.entity';
import { toNoteTriage, type NoteTriage, type NotesReading } from './domain/note-triage.util';
import { NoteTriageService, type OrderNotes } from './note-triage.service';

const NOW = new Date('2026-11-27T06:00:00Z');
const CREDIT_NOTE = 'cust over credit limit - finance says hold until payment received';
const TRUCK_NOTE = 'carrier has no capacity on the requested date, truck is full';

/** A triage that answers from a table, counting what it was asked. */
class TableTriage implements TextTriage {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, TriageResult | Error>) {}

  async classify(text: string): Promise<TriageResult> {
    this.asked.push(text);
    const answer = this.answers[text];
    if (answer instanceof Error) throw answer;
    if (!answer) throw new Error(`no answer for ${text}`);
    return answer;
  }
}

const answer = (category: string | null, confidence = 0.9): TriageResult => ({
  category,
  confidence,
  scores: category ? { [category]: confidence } : {},
  source: 'model',
  modelVersion: 'text-triage-test',
});

function setUp(triage: TextTriage, concurrency = 2) {
  const logger = { warn: jest.fn() };
  const audit = { append: jest.fn().mockResolvedValue({}) };
  const service = new NoteTriageService(
    triage,
    { concurrency },
    audit as unknown as AuditTrailService,
    logger as unknown as Logger,
  );
  return { service, logger, audit };
}

/** A database whose open cases last triaged these texts (null: nothing yet). */
const casesWith = (triaged: Record<string, string | null>) => {
  const query = jest.fn(async (_sql: string, [numbers, closed]: [string[], string]) => {
    expect(closed).toBe(CaseStatus.CLOSED);
    return numbers.filter((n) => n in triaged).map((n) => ({ order_number: n, text: triaged[n] }));
  });
  return { db: { query } as unknown as EntityManager, query };
};

const order = (orderNumber: string, notes: string | null, mayOpenCase = true): OrderNotes => ({
  orderNumber,
  notes,
  mayOpenCase,
});

describe('NoteTriageService', () => {
  describe('classify', () => {
    it('answers null for a triage that fails, logging the order but not its notes', async () => {
      const { service, logger } = setUp(
        new TableTriage({ [CREDIT_NOTE]: new TriageUnavailableError('LLM down') }),
      );
      await expect(service.classify(CREDIT_NOTE, 'SO-1')).resolves.toBeNull();
      const crash = setUp(new TableTriage({ [CREDIT_NOTE]: new TypeError('model broken') }));
      await expect(crash.service.classify(CREDIT_NOTE, 'SO-2')).resolves.toBeNull();
      expect(logger.warn).toHaveBeenCalledTimes(1);
      const [fields, message] = logger.warn.mock.calls[0];
      expect(fields).toMatchObject({ orderNumber: 'SO-1', err: expect.any(TriageUnavailableError) });
      expect(JSON.stringify(fields)).not.toContain('credit limit');
      expect(message).toMatch(/triaged again at the next evaluation/);
    });

    it('reads a credit note as a credit hold with the shipped model, for finance (credit)', async () => {
      const { service } = setUp(loadShippedTriage());
      const result = (await service.classify(CREDIT_NOTE, 'SO-1')) as TriageResult;
      expect(result).toMatchObject({ category: 'CREDIT_HOLD', source: 'model' });
      expect(toNoteTriage(CREDIT_NOTE, result, [], NOW).team).toBe(Team.FINANCE_CREDIT);
    });
  });

  describe('read', () => {
    it('triages only notes the case has not triaged as they are, and those of an order that may open one', async () => {
      const triage = new TableTriage({
        [CREDIT_NOTE]: answer('CREDIT_HOLD'),
        [TRUCK_NOTE]: answer('SHIPMENT_CONSTRAINT'),
      });
      const { service } = setUp(triage);
      const { db, query } = casesWith({
        'SO-SAME': CREDIT_NOTE,
        'SO-CHANGED': CREDIT_NOTE,
        'SO-NEVER': null,
      });
      const readings = await service.read(
        db,
        [
          order('SO-SAME', CREDIT_NOTE),
          order('SO-CHANGED', TRUCK_NOTE),
          order('SO-NEVER', CREDIT_NOTE, false),
          order('SO-NEW', TRUCK_NOTE),
          order('SO-CLEAN', CREDIT_NOTE, false),
          order('SO-NONE', null),
        ],
        10_000,
      );
      expect(query).toHaveBeenCalledTimes(1);
      expect(query.mock.calls[0][1][0]).toEqual(['SO-SAME', 'SO-CHANGED', 'SO-NEVER', 'SO-NEW', 'SO-CLEAN']);
      expect(Object.fromEntries(readings)).toEqual({
        'SO-SAME': { text: CREDIT_NOTE, result: null },
        'SO-CHANGED': { text: TRUCK_NOTE, result: answer('SHIPMENT_CONSTRAINT') },
        'SO-NEVER': { text: CREDIT_NOTE, result: answer('CREDIT_HOLD') },
        'SO-NEW': { text: TRUCK_NOTE, result: answer('SHIPMENT_CONSTRAINT') },
        'SO-CLEAN': { text: CREDIT_NOTE, result: null },
        'SO-NONE': { text: null, result: null },
      });
      expect(triage.asked.sort()).toEqual([CREDIT_NOTE, TRUCK_NOTE, TRUCK_NOTE].sort());
    });

    it('never throws: a failing triage, a database that cannot answer, a spent budget leave the notes untriaged', async () => {
      const failing = setUp(new TableTriage({ [CREDIT_NOTE]: new TriageUnavailableError('timeout') }));
      const failed = await failing.service.read(casesWith({}).db, [order('SO-1', CREDIT_NOTE)], 10_000);
      expect(failed.get('SO-1')).toEqual({ text: CREDIT_NOTE, result: null });

      const triage = new TableTriage({ [CREDIT_NOTE]: answer('CREDIT_HOLD') });
      const down = setUp(triage);
      const db = { query: jest.fn().mockRejectedValue(new Error('connection reset')) };
      const unread = await down.service.read(
        db as unknown as EntityManager,
        [order('SO-1', CREDIT_NOTE)],
        10_000,
      );
      expect(unread.get('SO-1')).toEqual({ text: CREDIT_NOTE, result: null });
      expect(down.logger.warn).toHaveBeenCalledWith(
        { err: expect.any(Error) },
        expect.stringMatching(/could not be read/),
      );

      const spent = await down.service.read(casesWith({}).db, [order('SO-1', CREDIT_NOTE)], 0);
      expect(spent.get('SO-1')).toEqual({ text: CREDIT_NOTE, result: null });
      expect(triage.asked).toEqual([]);
      expect(down.logger.warn).toHaveBeenLastCalledWith(
        { postponed: 1, budgetMs: 0 },
        expect.stringMatching(/next evaluation/),
      );
    });
  });

  describe('record', () => {
    const tx = () => ({ update: jest.fn().mockResolvedValue({}) });
    const kase = (noteTriage: NoteTriage | null) => ({ id: 'case-1', noteTriage });
    const reading = (text: string | null, result: TriageResult | null = null): NotesReading => ({
      text,
      result,
    });

    it('writes a new triage with its owner and match, and audits it with the first 200 characters', async () => {
      const { service, audit } = setUp(new TableTriage({}));
      const db = tx();
      const long = `${CREDIT_NOTE} ${'x'.repeat(300)}`;
      const target = kase(null);
      const change = await service.record(
        db as unknown as EntityManager,
        target,
        reading(long, answer('CREDIT_HOLD', 0.97)),
        [ExceptionCategory.STOCK_SHORTAGE, ExceptionCategory.CREDIT_HOLD],
        3,
        NOW,
      );
      expect(change).toBe('order notes triaged');
      const written: NoteTriage = {
        text: long,
        category: ExceptionCategory.CREDIT_HOLD,
        confidence: 0.97,
        source: 'model',
        modelVersion: 'text-triage-test',
        team: Team.FINANCE_CREDIT,
        matchesDetected: true,
        triagedAt: NOW.toISOString(),
      };
      expect(db.update).toHaveBeenCalledWith(CaseEntity, { id: 'case-1' }, { noteTriage: written });
      expect(target.noteTriage).toEqual(written);
      expect(audit.append).toHaveBeenCalledWith(
        {
          caseId: 'case-1',
          actor: 'ordex.detection',
          action: 'note.triaged',
          payload: { ...written, text: long.slice(0, 200), erpVersion: 3 },
        },
        db,
      );
    });

    it('gives an unsure triage no team, and does not match it to any exception', async () => {
      const { service } = setUp(new TableTriage({}));
      const db = tx();
      await service.record(
        db as unknown as EntityManager,
        kase(null),
        reading('pls call John before delivery, gate 4', answer(null, 0.42)),
        [ExceptionCategory.CREDIT_HOLD],
        1,
        NOW,
      );
      expect(db.update.mock.calls[0][2].noteTriage).toMatchObject({
        category: null,
        team: null,
        matchesDetected: false,
      });
    });

    it('clears the triage of notes the order no longer has, and audits it', async () => {
      const { service, audit } = setUp(new TableTriage({}));
      const db = tx();
      const previous = toNoteTriage(CREDIT_NOTE, answer('CREDIT_HOLD'), [], NOW);
      const change = await service.record(
        db as unknown as EntityManager,
        kase(previous),
        reading(null),
        [],
        4,
        NOW,
      );
      expect(change).toBe('order notes cleared');
      expect(db.update).toHaveBeenCalledWith(CaseEntity, { id: 'case-1' }, { noteTriage: null });
      expect(audit.append).toHaveBeenCalledWith(
        {
          caseId: 'case-1',
          actor: 'ordex.detection',
          action: 'note.cleared',
          payload: { category: 'CREDIT_HOLD', erpVersion: 4 },
        },
        db,
      );
    });

    it('keeps the triage of unchanged notes, only bringing its match with the open exceptions up to date', async () => {
      const { service, audit } = setUp(new TableTriage({}));
      const previous = toNoteTriage(CREDIT_NOTE, answer('CREDIT_HOLD'), ['CREDIT_HOLD'], NOW);
      const same = tx();
      await service.record(
        same as unknown as EntityManager,
        kase(previous),
        reading(CREDIT_NOTE),
        ['CREDIT_HOLD'],
        5,
        NOW,
      );
      expect(same.update).not.toHaveBeenCalled();
      const released = tx();
      const change = await service.record(
        released as unknown as EntityManager,
        kase(previous),
        reading(CREDIT_NOTE),
        ['STOCK_SHORTAGE'],
        6,
        NOW,
      );
      expect(change).toBeNull();
      expect(released.update).toHaveBeenCalledWith(
        CaseEntity,
        { id: 'case-1' },
        { noteTriage: { ...previous, matchesDetected: false } },
      );
      expect(audit.append).not.toHaveBeenCalled();
    });

    it('records nothing for changed notes whose triage failed: the case keeps what it had until the next evaluation', async () => {
      const { service, audit } = setUp(new TableTriage({}));
      const db = tx();
      const previous = toNoteTriage(CREDIT_NOTE, answer('CREDIT_HOLD'), [], NOW);
      const target = kase(previous);
      const change = await service.record(
        db as unknown as EntityManager,
        target,
        reading(TRUCK_NOTE),
        [],
        7,
        NOW,
      );
      expect(change).toBeNull();
      expect(db.update).not.toHaveBeenCalled();
      expect(audit.append).not.toHaveBeenCalled();
      expect(target.noteTriage).toBe(previous);
    });
  });
});
