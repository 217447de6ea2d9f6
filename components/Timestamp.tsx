import { dates } from '@/lib/i18n';

/** A machine-readable <time> showing the Jakarta date and time, e.g. "Kamis, 20 Juni 2024 | 14:05 WIB". */
export function Timestamp({ iso, format = 'dateTime', className }: { iso: string; format?: 'dateTime' | 'date'; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {format === 'date' ? dates.date(iso) : dates.dateTime(iso)}
    </time>
  );
}
