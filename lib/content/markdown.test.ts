import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/synthetic-content';
import { checkBody, countWords, parseBody, renderBody, scanBody } from './markdown';
import type { ContentProblem } from './problems';

function render(markdown: string, titles: Record<string, string> = {}, dateline?: string) {
  const tree = renderBody(parseBody(markdown), { titleOf: (slug) => titles[slug], dateline });
  return { tree, html: toHtml(tree) };
}

/** The read-also directives the full parser (remark-directive) sees in a body. */
function parsedReadAlso(markdown: string): string[] {
  const slugs: string[] = [];
  visit(parseBody(markdown), 'leafDirective', (node) => {
    slugs.push(node.attributes?.slug ?? '');
  });
  return slugs;
}

function readAlsoElements(tree: Root): Element[] {
  return tree.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'read-also');
}

describe('read-also resolution', () => {
  it('turns ::baca-juga into a block carrying the target’s current headline', () => {
    const { tree } = render('Satu.\n\n::baca-juga{slug="nato-takut"}\n\nDua.', {
      'nato-takut': 'NATO Takut Rusia Ikut Terlibat dalam Program Nuklir Korea Utara',
    });
    const [element] = readAlsoElements(tree);
    expect(element?.properties).toEqual({
      slug: 'nato-takut',
      title: 'NATO Takut Rusia Ikut Terlibat dalam Program Nuklir Korea Utara',
    });
  });

  it('keeps the block between the paragraphs where the editor put it', () => {
    const { tree } = render('Satu.\n\n::baca-juga{slug="a"}\n\n## Sub\n\nDua.', { a: 'A' });
    const names = tree.children.filter((n): n is Element => n.type === 'element').map((n) => n.tagName);
    expect(names).toEqual(['p', 'read-also', 'h2', 'p']);
  });
});

describe('rendering', () => {
  it('prints the dateline at the start of the first paragraph', () => {
    const { html } = render('Pertemuan Presiden.\n\nKedua.', {}, 'KONTAN.CO.ID');
    expect(html).toMatch(/^<p><strong class="dateline">KONTAN.CO.ID<\/strong> - Pertemuan Presiden.<\/p>/);
  });

  it('keeps colons in prose that remark-directive reads as text directives', () => {
    expect(render('Rasio 2:1, catatan:penting, lihat:[ini] juga.').html).toBe('<p>Rasio 2:1, catatan:penting, lihat:[ini] juga.</p>');
  });

  it('renders sub-headings and quotes', () => {
    const { html } = render('## Pertemuan Putin dan Kim\n\n> Kutipan.');
    expect(html).toContain('<h2>Pertemuan Putin dan Kim</h2>');
    expect(html).toContain('<blockquote>');
  });

  it('drops raw HTML and script URLs', () => {
    const { html } = render('<script>alert(1)</script>\n\n[klik](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('onerror');
  });
});

describe('scanning a body at load time', () => {
  const scan = (markdown: string) => {
    const problems: ContentProblem[] = [];
    const result = scanBody(markdown, 'x.md', 10, problems);
    return { ...result, problems: problems.map((p) => `${p.line ?? ''} ${p.message}`) };
  };

  it('finds read-also directives with their file lines, in any attribute quoting', () => {
    expect(scan('A.\n\n::baca-juga{slug="satu"}\n\n::baca-juga{slug=dua}\n').readAlso).toEqual([
      { slug: 'satu', line: 13 },
      { slug: 'dua', line: 15 },
    ]);
  });

  it('agrees with the full parser on what is a directive', () => {
    const markdown = 'Teks ::baca-juga{slug="bukan"} di tengah.\n\n```\n::baca-juga{slug="kode"}\n```\n\n::baca-juga{slug="ya"}\n';
    expect(scan(markdown).readAlso.map((r) => r.slug)).toEqual(['ya']);
    expect(parsedReadAlso(markdown)).toEqual(['ya']);
  });

  it('reports unknown and container directives', () => {
    expect(scan(':::catatan\nisi\n:::\n\n::video{src="x"}').problems).toEqual(['11 unknown directive ":::catatan"', '15 unknown directive "::video"']);
  });

  it('counts the words a reader reads, not Markdown markers or link targets', () => {
    expect(scan('## Judul Satu\n\n> Kutipan dua kata.\n\n- butir\n\nLihat [situs Reuters](https://www.reuters.com/) ya.').wordCount).toBe(10);
    expect(scan('::baca-juga{slug="a"}\n').problems).toContain(' the article body is empty');
  });

  it('counts words exactly as the regular expression it replaced', () => {
    const byRegex = (line: string) => {
      const prose = line.replace(/\]\([^)]*\)/g, ']').replace(/<[^>]*>/g, ' ').replace(/^\s*(#{1,6}|>|[-*+]|\d+[.)])\s+/, '');
      return prose.match(/[^\s#>*_`~|[\]()-]+\S*/g)?.length ?? 0;
    };
    const pieces = ['kata', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '#', '## ', '> ', '- ', '* ', '1. ', '2) ', '**', '_',
      '`', '~', '|', '[', ']', '(', ')', '-', '](https://x.id/a b)', '<b>', '</i>', '<', '>', 'é', '😀', 'a-b', '--', '12'];
    const next = rng(11);
    const differ: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const line = Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      if (countWords(line) !== byRegex(line)) differ.push(line);
    }
    expect(differ).toEqual([]);
  });

  it('gives the same result when plain lines are counted in place as when every line is taken apart', () => {
    const lines = ['Kata biasa di sini.', '## Sub', '+ butir', '1. butir', '  - butir', '```', '~~~', '    ```', 'kode ::x', ':::catatan',
      '::baca-juga{slug="satu"}', '::baca-juga', '  ::video{src=x}', 'Lihat [situs](https://x.id) ya.', 'a<b>c</b>', 'jam 14:05',
      '', '   ', '\u00a0::baca-juga{slug="dua"}', '> kutip', '`kode` dan ~coret~', 'teks\r', '#tagar 2:1', '] (bukan tautan)'];
    const next = rng(5);
    for (let n = 0; n < 2000; n++) {
      const body = Array.from({ length: 1 + Math.floor(next() * 15) }, () => lines[Math.floor(next() * lines.length)]).join('\n');
      const quick: ContentProblem[] = [];
      const full: ContentProblem[] = [];
      const a = scanBody(body, 'x.md', 3, quick);
      const b = scanBody(body, 'x.md', 3, full, false);
      if (JSON.stringify([a, quick]) !== JSON.stringify([b, full])) expect({ body, a, quick }).toEqual({ body, a: b, quick: full });
    }
  });

  it('checks read-also links and problems at load exactly as the full scan does, without counting words', () => {
    const lines = ['Kata biasa.', '## Sub', '', '   ', '```', '~~~', 'teks\r', '\r::baca-juga{slug="r"}', '::baca-juga{slug="satu"}',
      '   ::baca-juga{slug=dua}', '    ::baca-juga{slug="empat-spasi"}', '::baca-juga', '::baca-juga{slug="Bukan Slug"}', ':::catatan',
      '::video{src=x}', '\u00a0::baca-juga{slug="nbsp"}', 'jam 14:05', 'a ::baca-juga{slug="tengah"}', '- ', '> ', '[](x)', '<b></b>', '1. '];
    const next = rng(7);
    let empty = 0;
    for (let n = 0; n < 3000; n++) {
      const body = Array.from({ length: Math.floor(next() * 12) }, () => lines[Math.floor(next() * lines.length)]).join('\n');
      const fast: ContentProblem[] = [];
      const full: ContentProblem[] = [];
      const readAlso = checkBody(body, 'x.md', 4, fast);
      const scanned = scanBody(body, 'x.md', 4, full);
      if (full.some((p) => p.message === 'the article body is empty')) empty++;
      if (JSON.stringify([readAlso, fast]) !== JSON.stringify([scanned.readAlso, full])) {
        expect({ body, readAlso, fast }).toEqual({ body, readAlso: scanned.readAlso, fast: full });
      }
    }
    // Both outcomes of the emptiness check are exercised.
    expect(empty).toBeGreaterThan(100);
    expect(empty).toBeLessThan(2900);
  });
});
