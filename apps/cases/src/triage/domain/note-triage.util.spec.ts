import { ExceptionCategory, Team } from '@ordex/contracts';
import type { TriageResult } from '@ordex/decision';
import {
  NOTE_TEXT_LIMIT,
  noteTriageAudit,
  noteTriageStep,
  notesToTriage,
  toNoteTriage,
  type NoteTriage,
} from './note-triage.util';
import { firstChars } from '@ordex/platform';

const NOW = new Date('2026-11-27T06:00:00Z');

const result = (overrides: Partial<TriageResult> = {}): TriageResult => ({
  category: 'CREDIT_HOLD',
  confidence: 0.97,
  scores: { CREDIT_HOLD: 0.97 },
  source: 'model',
  modelVersion: 'text-triage-test',
  ...overrides,
});

const triaged = (text: string, overrides: Partial<NoteTriage> = {}): NoteTriage => ({
  ...toNoteTriage(text, result(), [], NOW),
  ...overrides,
});

describe('notesToTriage', () => {
  it('reads no notes, an empty text and blanks alike as none', () => {
    expect([null, undefined, '', '  \n\t '].map(notesToTriage)).toEqual([null, null, null, null]);
  });

  it('keeps the notes as they are, blanks included, so that any change is a change', () => {
    expect(notesToTriage(' hold until payment received ')).toBe(' hold until payment received ');
  });

  it('keeps the first 2,000 characters, without NUL characters', () => {
    expect(notesToTriage('x'.repeat(NOTE_TEXT_LIMIT + 50))).toBe('x'.repeat(NOTE_TEXT_LIMIT));
    expect(notesToTriage('hold\u0000 until paid')).toBe('hold until paid');
  });

  it('never cuts a character of two UTF-16 units in half', () => {
    expect(firstChars('ab😀c', 3)).toBe('ab');
    expect(firstChars('ab😀c', 4)).toBe('ab😀');
    expect(firstChars('abc', 3)).toBe('abc');
  });
});

describe('noteTriageStep', () => {
  it('triages notes the case has not triaged, or triaged as another text', () => {
    expect(noteTriageStep(null, 'hold until paid')).toBe('triage');
    expect(noteTriageStep(triaged('hold until paid'), 'truck full, ship tomorrow')).toBe('triage');
  });

  it('leaves unchanged notes, and no notes without a triage, as they are', () => {
    expect(noteTriageStep(triaged('hold until paid'), 'hold until paid')).toBe('unchanged');
    expect(noteTriageStep(null, null)).toBe('unchanged');
  });

  it('clears the triage of notes the order no longer has', () => {
    expect(noteTriageStep(triaged('hold until paid'), null)).toBe('clear');
  });
});

describe('toNoteTriage', () => {
  it("routes the category to the team that owns its exceptions, matching the case's open ones", () => {
    expect(
      toNoteTriage('hold until paid', result(), [ExceptionCategory.CREDIT_HOLD, 'STOCK_SHORTAGE'], NOW),
    ).toEqual({
      text: 'hold until paid',
      category: ExceptionCategory.CREDIT_HOLD,
      confidence: 0.97,
      source: 'model',
      modelVersion: 'text-triage-test',
      team: Team.FINANCE_CREDIT,
      matchesDetected: true,
      triagedAt: '2026-11-27T06:00:00.000Z',
    });
    expect(
      toNoteTriage('truck full', result({ category: 'SHIPMENT_CONSTRAINT' }), ['STOCK_SHORTAGE'], NOW),
    ).toMatchObject({ team: Team.TRANSPORTATION, matchesDetected: false });
  });

  it('gives a note the triage is not confident about no category and no team', () => {
    expect(
      toNoteTriage('call John, gate 4', result({ category: null, confidence: 0.42 }), ['CREDIT_HOLD'], NOW),
    ).toMatchObject({ category: null, confidence: 0.42, team: null, matchesDetected: false });
  });

  it('reads an answer outside the taxonomy as no category', () => {
    expect(
      toNoteTriage('hold', result({ category: 'WEATHER', source: 'llm', modelVersion: 'llama' }), [], NOW),
    ).toMatchObject({ category: null, team: null, source: 'llm', modelVersion: 'llama' });
  });
});

describe('noteTriageAudit', () => {
  it('repeats only the first 200 characters of the text', () => {
    const triage = triaged('y'.repeat(NOTE_TEXT_LIMIT));
    expect(noteTriageAudit(triage)).toEqual({ ...triage, text: 'y'.repeat(200) });
  });
});
