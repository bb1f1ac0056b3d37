import {
  checkFeaturizer,
  DEFAULT_TRIAGE_FEATURIZER,
  denseTriageFeatures,
  fnv1a32,
  normaliseNote,
  triageFeatures,
  triageTokens,
} from './triage-features';

describe('text-triage features', () => {
  it('hashes with 32-bit FNV-1a (the published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('normalises case, accents, ß and compatibility forms', () => {
    expect(normaliseNote('VERFÜGBARKEIT Straße ＳＫＵ Café')).toBe('verfugbarkeit strasse sku cafe');
  });

  it('reads words, percent and currency signs, each run of digits as one 0', () => {
    expect(triageTokens('Pos. 20: 12 Stk, 9% unter Vertrag (€3,15) — SKU-10023!')).toEqual([
      'pos',
      '0',
      '0',
      'stk',
      '0',
      '%',
      'unter',
      'vertrag',
      '€',
      '0',
      '0',
      'sku',
      '0',
    ]);
  });

  it('gives the same vector for the same note, in every spelling of case and accents', () => {
    const note = 'Kunde über Kreditlimit, hold until payment received';
    const a = triageFeatures(note, DEFAULT_TRIAGE_FEATURIZER);
    expect(triageFeatures(note, DEFAULT_TRIAGE_FEATURIZER)).toEqual(a);
    expect(
      triageFeatures('KUNDE UBER KREDITLIMIT, HOLD UNTIL PAYMENT RECEIVED', DEFAULT_TRIAGE_FEATURIZER),
    ).toEqual(a);
    expect(triageFeatures('SKU-88812 short', DEFAULT_TRIAGE_FEATURIZER)).toEqual(
      triageFeatures('SKU-10023 short', DEFAULT_TRIAGE_FEATURIZER),
    );
  });

  it('is sparse, in increasing bucket order, inside the dimension, of unit length', () => {
    const { indices, values } = triageFeatures(
      'pls ship from Hamburg, Munich out of stock',
      DEFAULT_TRIAGE_FEATURIZER,
    );
    expect(indices.length).toBe(values.length);
    expect(indices.length).toBeGreaterThan(20);
    for (let k = 1; k < indices.length; k++) expect(indices[k]).toBeGreaterThan(indices[k - 1]);
    expect(indices[0]).toBeGreaterThanOrEqual(0);
    expect(indices[indices.length - 1]).toBeLessThan(DEFAULT_TRIAGE_FEATURIZER.dimension);
    expect(Math.hypot(...values)).toBeCloseTo(1, 6);
    expect(values.every((v) => v !== 0)).toBe(true);
  });

  it('lays the same values out densely for training', () => {
    const note = 'price on line 2 does not match agreement';
    const { indices, values } = triageFeatures(note, DEFAULT_TRIAGE_FEATURIZER);
    const dense = denseTriageFeatures(note, DEFAULT_TRIAGE_FEATURIZER);
    expect(dense.length).toBe(4096);
    const expected = new Float32Array(4096);
    indices.forEach((i, k) => (expected[i] = values[k]));
    expect(dense).toEqual(expected);
  });

  it('has nothing to say about a note without words', () => {
    expect(triageFeatures(' -- , ', DEFAULT_TRIAGE_FEATURIZER)).toEqual({
      indices: new Int32Array(),
      values: new Float32Array(),
    });
  });

  it('refuses a configuration it does not implement', () => {
    expect(() => checkFeaturizer({ ...DEFAULT_TRIAGE_FEATURIZER, dimension: 1000 })).toThrow(
      'the feature dimension must be a power of two up to 2^24, not 1000',
    );
    expect(() => checkFeaturizer({ ...DEFAULT_TRIAGE_FEATURIZER, charNgramMin: 4, charNgramMax: 3 })).toThrow(
      'character n-grams must run from a whole number ≥ 1 up, not 4–3',
    );
    expect(() =>
      checkFeaturizer({
        ...DEFAULT_TRIAGE_FEATURIZER,
        scheme: 'other' as typeof DEFAULT_TRIAGE_FEATURIZER.scheme,
      }),
    ).toThrow('feature scheme other is not ordex-triage-hash-v1');
  });
});
