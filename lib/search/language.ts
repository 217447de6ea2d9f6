import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import { Stemmer } from 'sastrawijs';

/**
 * Indonesian text handling shared by indexing, querying and highlighting, so all three agree
 * on what a "word" is: case and diacritics folded, Sastrawi stems (memasok, pasokan → pasok).
 */
const sastrawi = new Stemmer();
const stemCache = new Map<string, string>();

export const STOP_WORDS = new Set(indonesianStopwords);

/** Words whose stem is kept (a whole archive's vocabulary): query words and the index's new words. */
const STEM_CACHE_WORDS = 1_000_000;
/** Anything outside ASCII, which then needs Unicode folding and splitting. */
const NOT_ASCII = /[^\u0000-\u007f]/;

/** Lower-case, strip diacritics (é → e), and keep letters and digits only. */
export function fold(text: string): string {
  // ASCII text is its own normal form: only its case changes (most of every story).
  return NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
}

export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  // Sastrawi expects a lower-case word; digits and mixed tokens pass through unchanged.
  const result = /^[a-z]+$/.test(word) ? sastrawi.stem(word) || word : word;
  if (stemCache.size < STEM_CACHE_WORDS) stemCache.set(word, result);
  return result;
}

/** Splits folded text into words (letters or digits, joined by inner hyphens or dots as in "covid-19"). */
export function words(text: string): string[] {
  const folded = fold(text);
  // The same words as the Unicode pattern gives, found faster in ASCII text.
  return folded.match(NOT_ASCII.test(folded) ? /[\p{L}\p{N}]+/gu : /[a-z0-9]+/g) ?? [];
}
