import { stopwords as indonesianStopwords } from '@orama/stopwords/indonesian';
import { Stemmer } from 'sastrawijs';

/**
 * Indonesian text handling shared by indexing, querying and highlighting, so all three agree
 * on what a "word" is: case and diacritics folded, Sastrawi stems (memasok, pasokan → pasok).
 */
const sastrawi = new Stemmer();
const stemCache = new Map<string, string>();

export const STOP_WORDS = new Set(indonesianStopwords);

/** Lower-case, strip diacritics (é → e), and keep letters and digits only. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  // Sastrawi expects a lower-case word; digits and mixed tokens pass through unchanged.
  const result = /^[a-z]+$/.test(word) ? sastrawi.stem(word) || word : word;
  if (stemCache.size < 200_000) stemCache.set(word, result);
  return result;
}

/** Splits folded text into words (letters or digits, joined by inner hyphens or dots as in "covid-19"). */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stems a query or a document is made of, without stop words. */
export function stems(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
