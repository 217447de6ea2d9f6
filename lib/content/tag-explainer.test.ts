import { describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../../test/support/fixtures';
import { loadContent } from './load';
import { formatProblem } from './problems';

function load(f: Fixture) {
  return loadContent({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
}

const facts = (n: number) => Array.from({ length: n }, (_, i) => `    - "Fakta ${i + 1}."`).join('\n');
const questions = (n: number) =>
  Array.from({ length: n }, (_, i) => `    - question: "Pertanyaan ${i + 1}?"\n      answer: "Jawaban ${i + 1}."`).join('\n');

/** A tag file with a story flag and an explainer, each part replaceable. */
function tagYaml({ updated = '  updatedAt: "2025-09-05T10:00:00+07:00"\n', factList = facts(4), questionList = questions(2), story = 'story: true\n' } = {}) {
  return `name: Vietnam\ndescription: Berita tentang Vietnam.\n${story}explainer:\n${updated}  facts:\n${factList}\n  questions:\n${questionList}\n`;
}

function problemsFor(yaml: string): string[] {
  const f = makeFixture();
  // Vietnam: no article uses it, so a tag dropped for its problems brings no further ones.
  f.write('content/tags/vietnam.yml', yaml);
  return load(f).problems.map(formatProblem);
}

describe('a tag\'s running-story flag and explainer', () => {
  it('loads both, every fact and question in order', () => {
    const f = makeFixture();
    f.write('content/tags/vietnam.yml', tagYaml({ factList: facts(5), questionList: questions(3) }));
    const { content, problems } = load(f);
    expect(problems).toEqual([]);
    const tag = content.tags.find((t) => t.slug === 'vietnam')!;
    expect(tag.story).toBe(true);
    expect(tag.explainer).toEqual({
      updatedAt: '2025-09-05T10:00:00+07:00',
      facts: ['Fakta 1.', 'Fakta 2.', 'Fakta 3.', 'Fakta 4.', 'Fakta 5.'],
      questions: [1, 2, 3].map((i) => ({ question: `Pertanyaan ${i}?`, answer: `Jawaban ${i}.` })),
    });
    expect(content.tags.find((t) => t.slug === 'rusia')).not.toHaveProperty('explainer');
  });

  it('names too few and too many key facts, with the count, the line and the fix', () => {
    expect(problemsFor(tagYaml({ factList: facts(3) }))).toEqual([
      'content/tags/vietnam.yml:7 — field "explainer.facts": has 3 key facts; an explainer needs 4 to 8\n' +
        '    Fix: expected a list of 4 to 8 key facts, each a quoted sentence',
    ]);
    expect(problemsFor(tagYaml({ factList: facts(9) }))[0]).toMatch(/^content\/tags\/vietnam\.yml:7 — field "explainer\.facts": has 9 key facts; an explainer needs 4 to 8/);
  });

  it('names too few and too many questions', () => {
    expect(problemsFor(tagYaml({ questionList: questions(1) }))[0]).toMatch(
      /^content\/tags\/vietnam\.yml:\d+ — field "explainer\.questions": has 1 questions; an explainer needs 2 to 6\n {4}Fix: expected a list of 2 to 6 items, each with question and answer$/,
    );
    expect(problemsFor(tagYaml({ questionList: questions(7) }))[0]).toContain('has 7 questions; an explainer needs 2 to 6');
  });

  it('requires the "Diperbarui" date, and a real one', () => {
    expect(problemsFor(tagYaml({ updated: '' }))).toEqual([
      'content/tags/vietnam.yml:5 — field "explainer.updatedAt": is required but missing\n' +
        '    Fix: expected when the editor last revised the box, ISO 8601 with offset, e.g. updatedAt: "2024-06-20T14:05:00+07:00"',
    ]);
    expect(problemsFor(tagYaml({ updated: '  updatedAt: "2025-02-30T10:00:00+07:00"\n' }))[0]).toMatch(
      /^content\/tags\/vietnam\.yml:5 — field "explainer\.updatedAt": .*impossible date/,
    );
  });

  it('rejects an empty answer or question, pointing at its line', () => {
    const list = `    - question: "Apa isi perjanjian?"\n      answer: "  "\n    - question: ""\n      answer: "Jawaban."`;
    expect(problemsFor(tagYaml({ questionList: list }))).toEqual([
      'content/tags/vietnam.yml:13 — field "explainer.questions.0.answer": must not be empty\n' +
        '    Fix: expected the answer as a quoted string of one or more sentences',
      'content/tags/vietnam.yml:14 — field "explainer.questions.1.question": must not be empty\n    Fix: expected the question as a quoted string',
    ]);
  });

  it('rejects a story flag that is not true or false, and unknown explainer fields', () => {
    expect(problemsFor(tagYaml({ story: 'story: ya\n' }))[0]).toMatch(/^content\/tags\/vietnam\.yml:3 — field "story": .*\n {4}Fix: expected true for a running story/);
    expect(problemsFor(tagYaml({ updated: '  updatedAt: "2025-09-05T10:00:00+07:00"\n  intro: "x"\n' }))[0]).toMatch(
      /^content\/tags\/vietnam\.yml:6 — field "explainer\.intro": unknown field/,
    );
  });
});
