import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every environment variable Warta reads, read and checked here only. A bad value stops the
 * server's start (server/index.ts) with one line per variable: what is wrong and the fix.
 * docs/operations.md lists them for operators.
 *
 * Each variable is read as `process.env.NAME` written out: Next.js inlines the ones next.config.js
 * fixes at build time (SITE_URL, WARTA_LOCALE) into the bundles, so pages agree with the build.
 */
function source(): Record<string, string | undefined> {
  return {
    SITE_URL: process.env.SITE_URL,
    WARTA_LOCALE: process.env.WARTA_LOCALE,
    PORT: process.env.PORT,
    HOST: process.env.HOST,
    PREVIEW_SECRET: process.env.PREVIEW_SECRET,
    REVALIDATE_SECRET: process.env.REVALIDATE_SECRET,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES,
    REDIS_URL: process.env.REDIS_URL,
    WARTA_DATA_DIR: process.env.WARTA_DATA_DIR,
    WARTA_CONTENT_DIR: process.env.WARTA_CONTENT_DIR,
    WARTA_DIST_DIR: process.env.WARTA_DIST_DIR,
    WARTA_PRERENDER_ARTICLES: process.env.WARTA_PRERENDER_ARTICLES,
    WARTA_PAGE_CACHE_MS: process.env.WARTA_PAGE_CACHE_MS,
    WARTA_MAX_CONNECTIONS: process.env.WARTA_MAX_CONNECTIONS,
    WARTA_CLOCK_START: process.env.WARTA_CLOCK_START,
    WARTA_FAULT_INJECTION: process.env.WARTA_FAULT_INJECTION,
    WARTA_CONTENT_BUILD_ID: process.env.WARTA_CONTENT_BUILD_ID,
    NODE_ENV: process.env.NODE_ENV,
    NEXT_PHASE: process.env.NEXT_PHASE,
    WARTA_INSTANCES: process.env.WARTA_INSTANCES,
    WARTA_RUN_DIR: process.env.WARTA_RUN_DIR,
  };
}

const whole = (min: number, fix: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number; ${fix}`)
    .transform(Number)
    .refine((n) => n >= min, `must be at least ${min}; ${fix}`);

const secret = z.string().min(16, 'must be at least 16 characters; use a long random string, e.g. openssl rand -hex 32');

export const envSchema = z.object({
  SITE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'must be an origin such as https://warta.example (scheme and host, no path)')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  WARTA_LOCALE: z.enum(['id', 'en'], { message: 'must be id or en' }).default('id'),
  PORT: whole(1, 'e.g. 3000').refine((n) => n <= 65535, 'must be at most 65535').default(3000),
  HOST: z
    .string()
    .refine((h) => isIP(h) !== 0 || /^[a-z0-9.-]+$/i.test(h), 'must be an address to listen on, e.g. 127.0.0.1 or ::')
    .optional(),
  PREVIEW_SECRET: secret.optional(),
  REVALIDATE_SECRET: secret.optional(),
  /** Checked in full by server/client-address.ts, which names the bad entry. */
  TRUSTED_PROXIES: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a Redis URL such as redis://127.0.0.1:6379').optional(),
  WARTA_DATA_DIR: z.string().min(1).optional(),
  WARTA_CONTENT_DIR: z.string().min(1).optional(),
  WARTA_DIST_DIR: z.string().min(1).default('.next'),
  WARTA_PRERENDER_ARTICLES: whole(0, 'e.g. 1000').default(1000),
  WARTA_PAGE_CACHE_MS: whole(0, 'milliseconds, e.g. 1000, or 0 to turn the cache off').default(1000),
  WARTA_MAX_CONNECTIONS: whole(1, 'e.g. 4096').default(4096),
  WARTA_CLOCK_START: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time such as 2026-11-25T08:00:00+07:00, or unset')
    .optional(),
  WARTA_FAULT_INJECTION: z.enum(['0', '1'], { message: 'must be 1 (tests only) or unset' }).optional(),
  /** Set by scripts/build.ts for its own workers: the content.db written for this build. */
  WARTA_CONTENT_BUILD_ID: z.string().optional(),
  /** Set by Next.js itself, e.g. phase-production-build in the build's workers. */
  NEXT_PHASE: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).optional(),
  /** npm run cluster: how many instances, on PORT+1 … PORT+N. */
  WARTA_INSTANCES: whole(1, 'e.g. 2').refine((n) => n <= 64, 'must be at most 64').default(2),
  /** npm run cluster: where the running cluster leaves its pid and state for `npm run cluster -- reload`. */
  WARTA_RUN_DIR: z.string().min(1).default('run'),
});

export type Env = z.infer<typeof envSchema>;

/** Why the environment cannot be used: one line per variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Environment variables with bad values:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and checks the environment; throws EnvError naming every bad variable. Empty values count as unset. */
export function readEnv(values: Record<string, string | undefined> = source()): Env {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${String(issue.path[0])}="${present[String(issue.path[0])]}": ${issue.message}`));
}

let cached: Env | undefined;
/** This process's environment, read once. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
