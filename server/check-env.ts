import { EnvError, readEnv } from '../lib/env';

// Imported first by server/index.ts: a bad environment variable stops the start before any
// module reads one, with every bad variable named and its fix, not a stack trace.
try {
  readEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`Warta cannot start. ${error.message}`);
  process.exit(1);
}
