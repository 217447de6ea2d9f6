import { zonedParts } from '../i18n/format';
import { slugify } from '../content/load';

/** "2026-11-25T19:30:00+07:00": the given instant as Jakarta wall-clock time with its offset. */
export function jakartaTimestamp(now: Date): string {
  const p = zonedParts(now, 'Asia/Jakarta', 'en-US');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00+07:00`;
}

/** A new article file: slug from the title, published now (Jakarta), a draft until an editor says so. */
export function newArticle(title: string, now: Date, defaults: { section: string; tag: string; author: string }): { slug: string; text: string } {
  const slug = slugify(title);
  if (!slug) throw new Error(`Cannot make a slug from "${title}": use letters or digits in the title.`);
  const text = `---
title: ${JSON.stringify(title)}
summary: "Tulis ringkasan satu atau dua kalimat di sini."
publishedAt: "${jakartaTimestamp(now)}"
section: ${defaults.section}
tags:
  - ${defaults.tag}
authors:
  - ${defaults.author}
draft: true
---

Tulis paragraf pembuka di sini.

## Sub-judul

Paragraf berikutnya.
`;
  return { slug, text };
}
