/** Strict ISO 8601 date-time with a UTC offset, as editors must write publishedAt/updatedAt. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export const DATE_EXAMPLE = '2024-06-20T14:05:00+07:00';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Returns null when `value` is a real ISO 8601 instant with an offset, otherwise a sentence
 * saying what is wrong. Date.parse alone is too lenient (it rolls 30 February over to March).
 */
export function isoDateProblem(value: string): string | null {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) {
    return `"${value}" is not an ISO 8601 date-time with a time-zone offset`;
  }
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `"${value}" has month ${mo}, which does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) {
    return `"${value}" is an impossible date: ${year}-${mo} has no day ${d}`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) {
    return `"${value}" has an impossible time of day`;
  }
  if (oh !== undefined && (Number(oh) > 14 || Number(om) > 59)) {
    return `"${value}" has an impossible UTC offset`;
  }
  return null;
}
