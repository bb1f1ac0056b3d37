import { SeededRandom } from '@ordex/demo-data';
import { NEUTRAL_NOTE, TRIAGE_CLASSES } from '@ordex/decision';
import {
  DEFAULT_TRIAGE_CORPUS,
  isHeldOutTemplate,
  TRIAGE_TEMPLATES,
  triageCorpus,
  triageNote,
} from './triage-corpus';

describe('the text-triage corpus', () => {
  const corpus = triageCorpus(DEFAULT_TRIAGE_CORPUS);

  it('has 42 templates for every category and for neutral notes, every fourth held out', () => {
    expect(Object.keys(TRIAGE_TEMPLATES).sort()).toEqual([...TRIAGE_CLASSES].sort());
    expect(TRIAGE_CLASSES).toContain(NEUTRAL_NOTE);
    for (const category of TRIAGE_CLASSES) expect(TRIAGE_TEMPLATES[category]).toHaveLength(42);
    expect(corpus.templates).toEqual({ train: 8 * 32, heldOut: 8 * 10 });
    expect([0, 1, 2, 3, 4, 7, 39, 41].map(isHeldOutTemplate)).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('balances the classes: 24 training and 16 held-out notes per template', () => {
    for (const category of TRIAGE_CLASSES) {
      expect(corpus.train.filter((e) => e.category === category)).toHaveLength(32 * 24);
      expect(corpus.heldOut.filter((e) => e.category === category)).toHaveLength(10 * 16);
    }
  });

  it('is the same for the same seed, and another for another', () => {
    expect(triageCorpus(DEFAULT_TRIAGE_CORPUS)).toEqual(corpus);
    const other = triageCorpus({ ...DEFAULT_TRIAGE_CORPUS, seed: 8 });
    expect(other.train.map((e) => e.text)).not.toEqual(corpus.train.map((e) => e.text));
  });

  it('keeps the held-out notes as they are when the training notes change in number', () => {
    expect(triageCorpus({ ...DEFAULT_TRIAGE_CORPUS, perTrainingTemplate: 3 }).heldOut).toEqual(
      corpus.heldOut,
    );
  });

  it('shares no note between training and held out, and mixes the classes in training', () => {
    const trained = new Set(corpus.train.map((e) => e.text));
    expect(corpus.heldOut.filter((e) => trained.has(e.text))).toEqual([]);
    const firstHundred = new Set(corpus.train.slice(0, 100).map((e) => e.category));
    expect(firstHundred.size).toBe(8);
  });

  it('fills every slot and alternative of every template', () => {
    const rnd = new SeededRandom(1);
    for (const category of TRIAGE_CLASSES)
      for (const template of TRIAGE_TEMPLATES[category])
        for (let i = 0; i < 5; i++)
          expect(triageNote(template, category, rnd)).not.toMatch(/[[\]{}]|undefined/);
  });

  it('writes notes the way staff do: shorthand, German, sign-offs, contrasts with another category', () => {
    const texts = [...corpus.train, ...corpus.heldOut].map((e) => e.text.toLowerCase());
    const share = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length / texts.length;
    expect(share(/\b(pls|cust|qty|avail|thx)\b/)).toBeGreaterThan(0.1);
    expect(share(/\b(bitte|nicht|kein|fehlt|lager|danke)\b/)).toBeGreaterThan(0.1);
    expect(
      share(/\b(stock ok|price ok|credit ok|truck booked|master data ok|erp in sync)\b/),
    ).toBeGreaterThan(0.02);
  });
});
