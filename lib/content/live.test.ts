import { describe, expect, it } from 'vitest';
import { parseLiveReport, visibleLiveReports } from './live';
import type { ContentProblem } from './problems';

const content = {
  tags: [{ slug: 'rusia', name: 'Rusia', description: 'x' }],
  sections: [{ slug: 'internasional', name: 'Internasional', description: 'x', order: 1 }],
  authors: [{ slug: 'redaksi', name: 'Redaksi', bio: 'x' }],
};
const FILE = 'content/live/uji.md';

function report(entries: string, fields: Record<string, string> = {}) {
  const frontmatter = {
    title: '"Langsung: Uji"',
    summary: '"Ringkasan."',
    status: 'berlangsung',
    coverageStart: '"2024-06-19T00:00:00+07:00"',
    section: 'internasional',
    tags: '[rusia]',
    authors: '[redaksi]',
    ...fields,
  };
  const lines = Object.entries(frontmatter).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${entries}`;
}
const entry = (id: string, time: string, extra = '') => `:::entri{id="${id}" waktu="${time}"${extra}}\nIsi pembaruan ${id}.\n:::\n`;

function parse(source: string) {
  const problems: ContentProblem[] = [];
  const parsed = parseLiveReport(source, FILE, content, problems);
  return { parsed, problems };
}

describe('a live report file', () => {
  it('reads entries newest first, with ids, times, key events and rendered bodies', () => {
    const { parsed, problems } = parse(report(`${entry('dua', '2024-06-19T10:00:00+07:00', ' penting="Kedua"')}\n${entry('satu', '2024-06-19T09:00:00+07:00')}`));
    expect(problems).toEqual([]);
    expect(parsed!.entries.map((e) => [e.id, e.keyEvent, e.line])).toEqual([
      ['dua', 'Kedua', 11],
      ['satu', undefined, 15],
    ]);
    expect(parsed!.entries[0]!.text).toBe('Isi pembaruan dua.');
    expect(parsed!.slug).toBe('uji');
  });

  it('gives each entry its plain text for structured data and feeds: link text, not addresses or markup', () => {
    const { parsed } = parse(report(':::entri{id="x" waktu="2024-06-19T10:00:00+07:00"}\n## Kabar\n\nMenurut [KCNA](https://kcna.example/a) **hari ini**.\n:::\n'));
    expect(parsed!.entries[0]!.text).toBe('Kabar Menurut KCNA hari ini.');
  });

  it.each([
    ['entries out of order', entry('satu', '2024-06-19T09:00:00+07:00') + entry('dua', '2024-06-19T10:00:00+07:00'), 14, /entry at 2024-06-19T10:00:00\+07:00 is later than the one above it \(line 11/],
    ['two entries at the same time', entry('satu', '2024-06-19T09:00:00+07:00') + entry('dua', '2024-06-19T09:00:00+07:00'), 14, /two entries at the same time/],
    ['an entry before the coverage starts', entry('satu', '2024-06-18T23:59:00+07:00'), 11, /before the report's coverageStart/],
    ['a repeated id', entry('sama', '2024-06-19T10:00:00+07:00') + entry('sama', '2024-06-19T09:00:00+07:00'), 14, /entry id "sama" is already used on line 11/],
    ['an entry without a time', ':::entri{id="x"}\nIsi.\n:::\n', 11, /entry has no time/],
    ['an impossible time', entry('x', '2024-02-30T10:00:00+07:00'), 11, /impossible date/],
    ['an entry without an id', ':::entri{waktu="2024-06-19T10:00:00+07:00"}\nIsi.\n:::\n', 11, /entry has no id/],
    ['an entry that is not closed', ':::entri{id="x" waktu="2024-06-19T10:00:00+07:00"}\nIsi.\n', 11, /entry is not closed/],
    ['text outside an entry', `Paragraf lepas.\n${entry('x', '2024-06-19T10:00:00+07:00')}`, 11, /text outside an entry/],
    ['an empty entry', ':::entri{id="x" waktu="2024-06-19T10:00:00+07:00"}\n\n:::\n', 11, /entry is empty/],
    ['an unknown directive inside an entry', ':::entri{id="x" waktu="2024-06-19T10:00:00+07:00"}\n::foto{src="a"}\n:::\n', 12, /unknown directive "::foto"/],
  ])('names the file and line of %s', (_what, entries, line, message) => {
    const { parsed, problems } = parse(report(entries));
    expect(parsed).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, line, message: expect.stringMatching(message) }));
  });

  it.each([
    ['an ended report without coverageEnd', { status: 'selesai' }, 'coverageEnd', /needs coverageEnd/],
    ['an unknown state', { status: 'jeda' }, 'status', /berlangsung .* or selesai/],
    ['an unknown tag', { tags: '[tidak-ada]' }, 'tags', /no tag "tidak-ada"/],
    ['a missing title', { title: '' }, 'title', /required/],
  ])('names the field of %s', (_what, fields, field, message) => {
    const { parsed, problems } = parse(report(entry('x', '2024-06-19T10:00:00+07:00'), fields));
    expect(parsed).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, field, message: expect.stringMatching(message) }));
  });

  it("suggests a live report's own fields for an unknown one, not an article's", () => {
    const { problems } = parse(report(entry('x', '2024-06-19T10:00:00+07:00'), { stat: 'selesai' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'stat', message: 'unknown field', fix: expect.stringContaining('use one of: title, summary, status, coverageStart') }));
    expect(problems.find((p) => p.field === 'stat')?.fix).not.toContain('publishedAt');
  });

  it('shows readers only the entries whose time has come, and no report before its first', () => {
    const { parsed } = parse(report(entry('dua', '2024-06-19T10:00:00+07:00') + entry('satu', '2024-06-19T09:00:00+07:00')));
    expect(visibleLiveReports([parsed!], Date.parse('2024-06-19T09:30:00+07:00'))[0]!.entries.map((e) => e.id)).toEqual(['satu']);
    expect(visibleLiveReports([parsed!], Date.parse('2024-06-19T08:00:00+07:00'))).toEqual([]);
  });
});
