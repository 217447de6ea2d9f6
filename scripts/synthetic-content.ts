/**
 * Writes N deterministic synthetic articles (and their tags, sections, authors) into a folder
 * outside content/, for benchmarks. Same seed and N → byte-identical files.
 *
 *   npx tsx scripts/synthetic-content.ts --count 10000 --out /tmp/warta-10k [--seed 42]
 *   WARTA_CONTENT_DIR=/tmp/warta-10k npm run build
 */
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG, so runs are reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'pemerintah menteri presiden rakyat ekonomi pasar harga kebijakan anggaran negara daerah kota provinsi ' +
  'pembangunan jalan pelabuhan bandara listrik energi minyak gas batu bara nikel ekspor impor dagang ' +
  'investasi bank kredit bunga inflasi rupiah dolar saham obligasi pajak penerimaan belanja subsidi ' +
  'pendidikan sekolah guru siswa kesehatan rumah sakit dokter pasien vaksin penyakit cuaca hujan banjir ' +
  'gempa bencana pengungsi bantuan relawan polisi hukum pengadilan hakim jaksa korupsi pemilu partai ' +
  'parlemen undang rapat sidang keputusan rencana program target laporan data survei hasil angka ' +
  'teknologi internet digital aplikasi data siber satelit jaringan perusahaan industri pabrik pekerja ' +
  'olahraga pertandingan tim pelatih pemain gol kemenangan turnamen musim liga diplomasi kunjungan ' +
  'perjanjian kerja sama keamanan pertahanan militer perbatasan konflik perdamaian negosiasi sanksi'
).split(' ');

const SECTIONS = ['internasional', 'nasional', 'ekonomi', 'teknologi', 'olahraga'];
const AUTHORS = ['redaksi', 'desk-internasional', 'desk-nasional', 'desk-ekonomi'];
const TAG_COUNT = 300;

/** Draws a word: uniformly from WORDS by default, or from a vocabulary with Zipf's skew (see zipf). */
type Pick = (next: () => number) => string;

const uniform: Pick = (next) => WORDS[Math.floor(next() * WORDS.length)]!;

/**
 * Words drawn with Zipf's skew (the word of rank r with a chance ∝ 1/r), as in real text: common
 * words are in nearly every story, rare ones in a few. `words` goes most frequent first.
 */
export function zipf(words: string[]): Pick {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((sum += 1 / r));
  return (next) => {
    const x = next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

/**
 * The words of a folder of articles (content/articles), most frequent first, then made-up words
 * (three syllables each, "bakimu") up to `size`: the long tail of names and rare words real
 * archives have, which a few dozen stories cannot show.
 */
export function vocabularyOf(articlesDir: string, size = 50_000): string[] {
  const counts = new Map<string, number>();
  for (const name of fs.readdirSync(articlesDir).filter((n) => n.endsWith('.md'))) {
    const body = fs.readFileSync(path.join(articlesDir, name), 'utf8').split(/\n---\s*\n/).slice(1).join(' ');
    for (const word of body.toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const known = new Set(words);
  const syllables = 'bdgjklmnprstw'.split('').flatMap((c) => 'aiueo'.split('').map((v) => c + v));
  for (let i = 0; words.length < size && i < syllables.length ** 3; i++) {
    const word = syllables[i % syllables.length]! + syllables[Math.floor(i / syllables.length) % syllables.length]! + syllables[Math.floor(i / syllables.length ** 2)]!;
    if (!known.has(word)) words.push(word);
  }
  return words;
}

function sentence(next: () => number, min: number, max: number, pick: Pick = uniform): string {
  const length = min + Math.floor(next() * (max - min + 1));
  const words = Array.from({ length }, () => pick(next));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Zipf-like skew: a few tags on many stories, most tags on few. */
function pickTag(next: () => number): number {
  return Math.min(TAG_COUNT - 1, Math.floor(next() ** 2.2 * TAG_COUNT));
}

export function generate(count: number, out: string, seed = 42, pick: Pick = uniform) {
  const next = rng(seed);
  for (const folder of ['articles', 'tags', 'sections', 'authors']) fs.mkdirSync(path.join(out, folder), { recursive: true });
  SECTIONS.forEach((slug, i) => {
    fs.writeFileSync(path.join(out, 'sections', `${slug}.yml`), `name: "Rubrik ${slug}"\ndescription: "Berita sintetis untuk uji kinerja."\norder: ${i + 1}\n`);
  });
  for (const slug of AUTHORS) fs.writeFileSync(path.join(out, 'authors', `${slug}.yml`), `name: "Penulis ${slug}"\nbio: "Penulis sintetis untuk uji kinerja."\n`);
  for (let t = 0; t < TAG_COUNT; t++) {
    fs.writeFileSync(path.join(out, 'tags', `topik-${t}.yml`), `name: "Topik ${t}"\ndescription: "Topik sintetis nomor ${t}."\n`);
  }
  const start = Date.parse('2020-01-01T00:00:00+07:00');
  const span = Date.parse('2025-12-31T00:00:00+07:00') - start;
  for (let i = 0; i < count; i++) {
    const slug = `berita-sintetis-${String(i).padStart(6, '0')}`;
    const tags = new Set<number>();
    const tagCount = 1 + Math.floor(next() * 6);
    while (tags.size < tagCount) tags.add(pickTag(next));
    const published = new Date(start + Math.floor((i / count) * span) + Math.floor(next() * 3_600_000));
    const iso = new Date(published.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
    const targetWords = 300 + Math.floor(next() * 1201);
    const paragraphs: string[] = [];
    let words = 0;
    while (words < targetWords) {
      const p = Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next, 8, 20, pick)).join(' ');
      words += p.split(' ').length;
      paragraphs.push(p);
      if (paragraphs.length === 3) paragraphs.push(`## ${sentence(next, 3, 6, pick).slice(0, -1)}`);
      if (paragraphs.length === 2 && i > 0) {
        const target = Math.floor(next() * i);
        paragraphs.push(`::baca-juga{slug="berita-sintetis-${String(target).padStart(6, '0')}"}`);
      }
    }
    const frontmatter = [
      '---',
      `title: "${sentence(next, 6, 12, pick).slice(0, -1)} ${i}"`,
      `summary: "${sentence(next, 15, 30, pick)}"`,
      `publishedAt: "${iso}"`,
      `section: ${SECTIONS[Math.floor(next() * SECTIONS.length)]}`,
      `tags: [${[...tags].map((t) => `topik-${t}`).join(', ')}]`,
      `authors: [${AUTHORS[Math.floor(next() * AUTHORS.length)]}]`,
      '---',
    ].join('\n');
    fs.writeFileSync(path.join(out, 'articles', `${slug}.md`), `${frontmatter}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv.includes('--count')) {
  const count = Number(arg('count'));
  const out = path.resolve(arg('out') ?? `/tmp/warta-synthetic-${count}`);
  if (out.startsWith(path.resolve('content'))) throw new Error('Synthetic articles never go into content/.');
  fs.rmSync(out, { recursive: true, force: true });
  generate(count, out, Number(arg('seed') ?? 42));
  console.log(`✓ ${count} synthetic articles in ${out}`);
}
