import { describe, expect, it } from 'vitest';
import { buildICalendar, foldLine, icalText } from './ical';

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(icalText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = `SUMMARY:${'Hạn gửi báo cáo 6 tháng đầu năm của Phòng Quản lý khoa học '.repeat(3)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(long);
  });
  it('writes one all-day VEVENT per event with CRLF line ends', () => {
    const ics = buildICalendar(
      'Hạn của tôi',
      [{ uid: 'task-1@danchu', date: '2026-12-31', summary: 'Hạn nhiệm vụ: A, B', url: 'https://x/plans/1' }],
      new Date('2026-12-06T10:00:00Z'),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(ics).toContain('SUMMARY:Hạn nhiệm vụ: A\\, B');
    expect(ics).toContain('DTSTAMP:20261206T100000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
