/**
 * Turns a note into a fixed-width numeric vector without a vocabulary: every feature string is
 * hashed into one of `dimension` buckets (the hashing trick), so a word the model never saw still
 * lands somewhere, nothing has to be stored besides the weights, and staff's typos, abbreviations
 * and German-English mix share character n-grams with the spelling the model learned.
 *
 * Features of a note, after {@link normaliseNote}:
 * - each word (`w:hold`), digits collapsed to one `0` so "SKU-10023" and "SKU-88812" are alike;
 * - each pair of adjacent words (`b:stock ok`), which is how "stock ok, but price wrong" differs
 *   from "out of stock";
 * - each character n-gram of a word with boundary marks (`c:<ove`, `c:ver`, …), at half weight.
 *
 * The hash is 32-bit FNV-1a over the feature's UTF-16 code units: stable across runs, platforms
 * and Node versions, which the shipped weights depend on. Its low bits pick the bucket (the
 * dimension is a power of two) and its top bit a sign, so two features colliding in one bucket
 * cancel on average instead of adding up. Bucket values are damped (sign · ln(1 + |v|)) and the
 * vector is scaled to unit length, so a long note is not more confident for being long.
 */
export interface TriageFeaturizerConfig {
  /** Names this scheme; a model trained under another scheme is refused, not misread. */
  scheme: typeof TRIAGE_FEATURE_SCHEME;
  /** The number of hash buckets, a power of two. */
  dimension: number;
  /** The shortest and longest character n-gram taken inside a word (boundary marks included). */
  charNgramMin: number;
  charNgramMax: number;
}

export const TRIAGE_FEATURE_SCHEME = 'ordex-triage-hash-v1';

export const DEFAULT_TRIAGE_FEATURIZER: TriageFeaturizerConfig = {
  scheme: TRIAGE_FEATURE_SCHEME,
  dimension: 4096,
  charNgramMin: 3,
  charNgramMax: 4,
};

/** A note's non-zero buckets, in increasing bucket order, with their values. */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

const CHAR_NGRAM_WEIGHT = 0.5;
const TOKEN = /[\p{L}\p{N}]+|[%€$£]/gu;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Lower case, compatibility-normalised (NFKD), accents dropped and ß spelled ss, so "Verfügbarkeit",
 * "verfugbarkeit" and "VERFÜGBARKEIT" are one word. (Staff who type "ue" for "ü" still differ by a
 * letter; the character n-grams carry most of the rest.)
 */
export function normaliseNote(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The note's words and currency or percent signs, normalised, each run of digits as one `0`. */
export function triageTokens(text: string): string[] {
  return (normaliseNote(text).match(TOKEN) ?? []).map((t) => t.replace(/\p{N}+/gu, '0'));
}

/** 32-bit FNV-1a of a string's UTF-16 code units, unsigned. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The note as hashed features, sparse. */
export function triageFeatures(text: string, config: TriageFeaturizerConfig): SparseFeatures {
  checkFeaturizer(config);
  const buckets = new Map<number, number>();
  const add = (feature: string, weight: number) => {
    const hash = fnv1a32(feature);
    const index = hash & (config.dimension - 1);
    const signed = hash >>> 31 === 1 ? -weight : weight;
    buckets.set(index, (buckets.get(index) ?? 0) + signed);
  };
  const tokens = triageTokens(text);
  tokens.forEach((token, i) => {
    add(`w:${token}`, 1);
    if (i > 0) add(`b:${tokens[i - 1]} ${token}`, 1);
    const marked = `<${token}>`;
    for (let n = config.charNgramMin; n <= config.charNgramMax; n++)
      for (let start = 0; start + n <= marked.length; start++)
        add(`c:${marked.slice(start, start + n)}`, CHAR_NGRAM_WEIGHT);
  });
  const indices = Int32Array.from([...buckets.keys()].filter((i) => buckets.get(i) !== 0)).sort();
  const values = Float32Array.from(indices, (i) => {
    const v = buckets.get(i) as number;
    return Math.sign(v) * Math.log1p(Math.abs(v));
  });
  const norm = Math.hypot(...values);
  if (norm > 0) for (let k = 0; k < values.length; k++) values[k] /= norm;
  return { indices, values };
}

/** The note as a dense vector of `dimension` values (what TensorFlow.js trains on). */
export function denseTriageFeatures(text: string, config: TriageFeaturizerConfig): Float32Array {
  const { indices, values } = triageFeatures(text, config);
  const dense = new Float32Array(config.dimension);
  indices.forEach((index, k) => (dense[index] = values[k]));
  return dense;
}

/** Throws unless the configuration is one this code implements. */
export function checkFeaturizer(config: TriageFeaturizerConfig): void {
  if (config.scheme !== TRIAGE_FEATURE_SCHEME)
    throw new Error(`feature scheme ${String(config.scheme)} is not ${TRIAGE_FEATURE_SCHEME}`);
  const { dimension, charNgramMin, charNgramMax } = config;
  if (
    !Number.isInteger(dimension) ||
    dimension < 2 ||
    (dimension & (dimension - 1)) !== 0 ||
    dimension > 2 ** 24
  )
    throw new Error(`the feature dimension must be a power of two up to 2^24, not ${dimension}`);
  if (
    !Number.isInteger(charNgramMin) ||
    !Number.isInteger(charNgramMax) ||
    charNgramMin < 1 ||
    charNgramMax < charNgramMin
  )
    throw new Error(
      `character n-grams must run from a whole number ≥ 1 up, not ${charNgramMin}–${charNgramMax}`,
    );
}
