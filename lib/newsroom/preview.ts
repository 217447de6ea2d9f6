import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookies, draftMode } from 'next/headers';
import { getContent, getPreviewContent, type ContentStore } from '../content';
import { env } from '../env';

/** Constant-time comparison, so the secret cannot be guessed from response times. */
export function secretMatches(given: string | null, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Our preview session cookie. Next.js's draft mode cookie (__prerender_bypass) holds the build's
 * previewModeId: it is the same for every editor, does not depend on PREVIEW_SECRET, and nothing
 * ends it. So draft mode alone never shows a draft: a request also needs this cookie, an HMAC
 * keyed by PREVIEW_SECRET over its issue time. Unsetting or changing the secret ends every session.
 */
export const PREVIEW_COOKIE = 'warta_pratinjau';
/** A preview session lasts a working day, then the editor opens the preview URL again. */
export const PREVIEW_SESSION_MS = 12 * 60 * 60 * 1000;

const signature = (issuedAt: number, secret: string) => createHmac('sha256', secret).update(`pratinjau:${issuedAt}`).digest('base64url');

/** A new session's cookie value: `issuedAt.signature`. */
export function previewSessionValue(secret: string, now = Date.now()): string {
  return `${now}.${signature(now, secret)}`;
}

/** Whether a cookie value is a session signed with `secret` that has not expired. */
export function previewSessionValid(value: string | undefined, secret: string | undefined, now = Date.now()): boolean {
  if (!secret || !value) return false;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  // A minute of clock skew between several servers is tolerated; a session from the future is not.
  if (now - issuedAt > PREVIEW_SESSION_MS || issuedAt - now > 60_000) return false;
  return timingSafeEqual(Buffer.from(match[2]!), Buffer.from(signature(issuedAt, secret)));
}

/** The preview cookie's attributes: not readable by scripts, first-party only, for the whole site. */
export function previewCookieOptions(secure: boolean) {
  return { httpOnly: true, secure, sameSite: 'lax' as const, path: '/', maxAge: PREVIEW_SESSION_MS / 1000 };
}

/**
 * Whether this request is an editor's preview: draft mode (which makes Next.js render per
 * request) and a valid session of ours. Cookies are read only in draft mode, so public pages stay
 * static.
 */
export async function isPreview(): Promise<boolean> {
  if (!(await draftMode()).isEnabled) return false;
  return previewSessionValid((await cookies()).get(PREVIEW_COOKIE)?.value, env().PREVIEW_SECRET);
}

/** The content this request may see: editors in a preview session also see drafts and scheduled stories. */
export async function contentForRequest(): Promise<{ content: ContentStore; preview: boolean }> {
  const preview = await isPreview();
  return { content: preview ? getPreviewContent() : getContent(), preview };
}
