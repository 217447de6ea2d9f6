import { timingSafeEqual } from 'node:crypto';
import { draftMode } from 'next/headers';
import { getContent, getPreviewContent, type ContentStore } from '../content';

/** Constant-time comparison, so the secret cannot be guessed from response times. */
export function secretMatches(given: string | null, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The content this request may see: editors in draft mode also see drafts and scheduled stories. */
export async function contentForRequest(): Promise<{ content: ContentStore; preview: boolean }> {
  const preview = (await draftMode()).isEnabled;
  return { content: preview ? getPreviewContent() : getContent(), preview };
}
