import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { CaseStatus } from '@ordex/contracts';
import type { TextTriage, TriageResult } from '@ordex/decision';
import { SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CaseEntity } from '../cases/case.entity';
import {
  noteTriageAudit,
  noteTriageStep,
  notesToTriage,
  toNoteTriage,
  type NoteTriage,
  type NotesReading,
} from './domain/note-triage.util';
import { NOTE_TRIAGE_SETTINGS, type NoteTriageOptions, TEXT_TRIAGE } from './note-triage.settings';

/** Who records note triage on the audit trail: detection, which reads the notes with the order. */
export const NOTE_TRIAGE_ACTOR = 'ordex.detection';

/** An order detection is about to reconcile, with its notes. */
export interface OrderNotes {
  orderNumber: string;
  notes: string | null;
  /** Whether this evaluation may open (or reopen) a case when the order has none open. */
  mayOpenCase: boolean;
}

/** What a triage changed on the case, in the words of its cases.case.updated.v1 event. */
export type NoteTriageChange = 'order notes triaged' | 'order notes cleared';

/**
 * Triages each case's order notes into the exception taxonomy, so that the note reaches the team
 * that owns its category. In two steps around the case's transaction: {@link read} asks the triage
 * (an LLM may take seconds) before the transaction opens, {@link record} writes the answer in it.
 * A triage that fails never fails the evaluation: the case records no triage that time, and the
 * notes are triaged again at the order's next evaluation (the case still has not triaged them).
 */
@Injectable()
export class NoteTriageService {
  constructor(
    @Inject(TEXT_TRIAGE) private readonly triage: TextTriage,
    @Inject(NOTE_TRIAGE_SETTINGS) private readonly settings: NoteTriageOptions,
    private readonly audit: AuditTrailService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Each order's notes and, where the case will need it, their triage: notes that differ from what
   * the order's open case last triaged, or of an order with no open case that may get one. Triages
   * `concurrency` notes at a time and starts none after `budgetMs`; the rest wait for the next
   * evaluation. Never throws.
   */
  async read(
    db: EntityManager,
    orders: readonly OrderNotes[],
    budgetMs: number,
  ): Promise<Map<string, NotesReading>> {
    const readings = new Map<string, NotesReading>(
      orders.map((o) => [o.orderNumber, { text: notesToTriage(o.notes), result: null }]),
    );
    const withNotes = orders.filter((o) => readings.get(o.orderNumber)?.text !== null);
    if (withNotes.length === 0) return readings;
    const triaged = await this.lastTriaged(
      db,
      withNotes.map((o) => o.orderNumber),
    );
    if (!triaged) return readings;
    const due = withNotes.filter((o) => {
      const text = readings.get(o.orderNumber)?.text;
      return triaged.has(o.orderNumber) ? triaged.get(o.orderNumber) !== text : o.mayOpenCase;
    });
    const deadline = performance.now() + budgetMs;
    let postponed = 0;
    const next = due.values();
    const worker = async () => {
      for (let item = next.next(); !item.done; item = next.next()) {
        const reading = readings.get(item.value.orderNumber) as NotesReading;
        if (performance.now() >= deadline) {
          postponed++;
          continue;
        }
        reading.result = await this.classify(reading.text as string, item.value.orderNumber);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, due.length) }, worker));
    if (postponed)
      this.logger.warn(
        { postponed, budgetMs },
        'order notes not triaged within the pass budget; they are triaged at their next evaluation',
      );
    return readings;
  }

  /** The triage of one order's notes; null (logged, without the text) when the triage fails. */
  async classify(text: string, orderNumber: string): Promise<TriageResult | null> {
    try {
      return await this.triage.classify(text);
    } catch (error) {
      this.logger.warn(
        { err: error, orderNumber },
        'order notes not triaged; they are triaged again at the next evaluation',
      );
      return null;
    }
  }

  /**
   * Brings the case's note triage in line with the order's notes, in the case's transaction: a new
   * triage is written with its `note.triaged` audit entry, removed notes clear it (`note.cleared`),
   * and for unchanged notes only whether the category matches an open exception is kept current.
   * `openCategories` are the categories of the case's open exceptions after this evaluation.
   */
  async record(
    tx: EntityManager,
    kase: Pick<CaseEntity, 'id' | 'noteTriage'>,
    reading: NotesReading,
    openCategories: readonly string[],
    erpVersion: number,
    now: Date,
  ): Promise<NoteTriageChange | null> {
    const previous = kase.noteTriage;
    const step = noteTriageStep(previous, reading.text);
    if (step === 'clear') {
      await this.write(tx, kase, null);
      await this.audit.append(
        {
          caseId: kase.id,
          actor: NOTE_TRIAGE_ACTOR,
          action: 'note.cleared',
          payload: { category: previous?.category ?? null, erpVersion },
        },
        tx,
      );
      return 'order notes cleared';
    }
    if (step === 'unchanged') {
      const matchesDetected = previous?.category ? openCategories.includes(previous.category) : false;
      if (previous && matchesDetected !== previous.matchesDetected)
        await this.write(tx, kase, { ...previous, matchesDetected });
      return null;
    }
    // Not triaged this time (it failed, or did not fit the pass): the case keeps what it had.
    if (reading.text === null || !reading.result) return null;
    const triage = toNoteTriage(reading.text, reading.result, openCategories, now);
    await this.write(tx, kase, triage);
    await this.audit.append(
      {
        caseId: kase.id,
        actor: NOTE_TRIAGE_ACTOR,
        action: 'note.triaged',
        payload: { ...noteTriageAudit(triage), erpVersion },
      },
      tx,
    );
    return 'order notes triaged';
  }

  private async write(
    tx: EntityManager,
    kase: Pick<CaseEntity, 'id' | 'noteTriage'>,
    triage: NoteTriage | null,
  ): Promise<void> {
    await tx.update(CaseEntity, { id: kase.id }, { noteTriage: triage });
    kase.noteTriage = triage;
  }

  /**
   * What each order's open case last triaged (null: nothing yet); orders without an open case are
   * absent. Null when the database could not answer: no notes are triaged this pass.
   */
  private async lastTriaged(
    db: EntityManager,
    orderNumbers: readonly string[],
  ): Promise<Map<string, string | null> | null> {
    try {
      const rows: { order_number: string; text: string | null }[] = await db.query(
        `SELECT order_number, note_triage->>'text' AS text FROM "cases"."case"
          WHERE order_number = ANY($1) AND status <> $2`,
        [[...orderNumbers], CaseStatus.CLOSED],
      );
      return new Map(rows.map((r) => [r.order_number, r.text]));
    } catch (error) {
      this.logger.warn({ err: error }, 'order notes not triaged this pass: their cases could not be read');
      return null;
    }
  }
}
