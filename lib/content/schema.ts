import { z } from 'zod';
import { DATE_EXAMPLE, isoDateProblem } from './dates';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z.string().regex(SLUG_PATTERN, 'must be a lower-case slug such as "korea-utara"');

export const isoDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const text = z.string().trim().min(1, 'must not be empty');

const imageSchema = z.strictObject({
  src: z
    .string()
    .regex(/^\/[A-Za-z0-9/_.-]+\.(?:jpe?g|png|webp|avif|gif)$/, 'must be a path under public/, e.g. /images/articles/foto.jpg'),
  alt: text,
  caption: text.optional(),
  credit: text.optional(),
});

export const articleFrontmatterSchema = z.strictObject({
  title: text.max(160, 'must be at most 160 characters'),
  summary: text.max(400, 'must be at most 400 characters'),
  publishedAt: isoDate,
  updatedAt: isoDate.optional(),
  section: slug,
  tags: z.array(slug).min(1, 'must list at least one tag'),
  authors: z.array(slug).min(1, 'must list at least one author'),
  source: text.optional(),
  dateline: text.max(60).optional(),
  image: imageSchema.optional(),
  draft: z.boolean().optional(),
  corrections: z.array(z.strictObject({ date: isoDate, text })).optional(),
});

/** How many key facts a tag's explainer carries: fewer is not a summary, more is not short. */
const EXPLAINER_FACTS = { min: 4, max: 8 };
/** How many questions and answers it carries ("a few"). */
const EXPLAINER_QUESTIONS = { min: 2, max: 6 };

/** A list whose length must lie in [min, max]; the message says how many there are. */
const countedList = <T extends z.ZodType>(item: T, range: { min: number; max: number }, noun: string) =>
  z.array(item).superRefine((list, ctx) => {
    if (list.length < range.min || list.length > range.max) {
      ctx.addIssue({ code: 'custom', message: `has ${list.length} ${noun}; an explainer needs ${range.min} to ${range.max}` });
    }
  });

/** "Yang perlu Anda ketahui": an editor-written box at the top of a tag page and its timeline. */
const explainerSchema = z.strictObject({
  updatedAt: isoDate,
  facts: countedList(text, EXPLAINER_FACTS, 'key facts'),
  questions: countedList(z.strictObject({ question: text, answer: text }), EXPLAINER_QUESTIONS, 'questions'),
});

export const tagSchema = z.strictObject({
  name: text,
  description: text,
  /** A running story: its articles show their place in it ("Sebelumnya" / "Berikutnya"). */
  story: z.boolean().optional(),
  explainer: explainerSchema.optional(),
});
export const sectionSchema = z.strictObject({
  name: text,
  description: text,
  order: z.number().int().min(0).optional(),
});
export const authorSchema = z.strictObject({ name: text, bio: text });

/** What each field expects, in the words an editor reads in an error message. */
export const fieldHelp: Record<string, string> = {
  title: 'the headline as a quoted string, e.g. title: "Putin Tiba di Pyongyang"',
  summary: 'a one- or two-sentence dek as a quoted string',
  publishedAt: `an ISO 8601 date-time with offset, e.g. publishedAt: "${DATE_EXAMPLE}"`,
  updatedAt: `an ISO 8601 date-time with offset, later than publishedAt, e.g. "${DATE_EXAMPLE}"`,
  section: 'the slug of a file in content/sections/, e.g. section: internasional',
  tags: 'a list of slugs of files in content/tags/, e.g. tags: [rusia, korea-utara]',
  authors: 'a list of slugs of files in content/authors/, e.g. authors: [redaksi]',
  source: 'a credit such as "Reuters"',
  dateline: 'a place or agency in capitals, e.g. "JAKARTA"',
  image: 'an object with src (a file under public/), alt, and optional caption and credit',
  'image.src': 'a path of a file under public/, e.g. /images/articles/foto.jpg',
  'image.alt': 'a description of the image for readers who cannot see it',
  draft: 'true or false',
  corrections: 'a list of corrections, each with date (ISO 8601 with offset) and text',
  'corrections.date': `the time of the correction, e.g. "${DATE_EXAMPLE}"`,
  'corrections.text': 'what was wrong and what is right now, as a quoted string',
  name: 'a display name as a quoted string',
  description: 'a sentence or two as a quoted string',
  bio: 'a short biography as a quoted string',
  order: 'a whole number that sets the position in the navigation',
  story: 'true for a running story (its articles link to the previous and next one in it), or leave it out',
  explainer: 'an object with updatedAt, facts (4 to 8) and questions (2 to 6, each with question and answer)',
  'explainer.updatedAt': `when the editor last revised the box, ISO 8601 with offset, e.g. updatedAt: "${DATE_EXAMPLE}"`,
  'explainer.facts': 'a list of 4 to 8 key facts, each a quoted sentence',
  'explainer.questions': 'a list of 2 to 6 items, each with question and answer',
  'explainer.questions.question': 'the question as a quoted string',
  'explainer.questions.answer': 'the answer as a quoted string of one or more sentences',
};
