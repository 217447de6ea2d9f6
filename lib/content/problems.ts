/** One thing wrong with one content file, phrased so an editor can fix it without help. */
export interface ContentProblem {
  /** Path relative to the project, e.g. content/articles/foo.md */
  file: string;
  line?: number;
  /** Frontmatter field (dotted path) when the problem is in one. */
  field?: string;
  message: string;
  fix?: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` field "${p.field}":` : '';
  const fix = p.fix ? `\n    Fix: ${p.fix}` : '';
  return `${where} —${field} ${p.message}${fix}`;
}

/** Thrown when content/ is invalid; carries every problem found, not just the first. */
export class ContentValidationError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    const count = problems.length;
    super(
      `Content has ${count} problem${count === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentValidationError';
  }
}
