import { describe, expect, it } from 'vitest';
import { isEmptyDate, parseDate } from './dates.js';

describe('parseDate', () => {
  it('reads the spellings contact files use', () => {
    expect(parseDate('12 Mar 2024')).toBe('2024-03-12');
    expect(parseDate('05 Jan 2021')).toBe('2021-01-05');
    expect(parseDate('1 September 2019')).toBe('2019-09-01');
    expect(parseDate('12-Mar-24')).toBe('2024-03-12');
    expect(parseDate('Mar 12, 2024')).toBe('2024-03-12');
    expect(parseDate('2024-03-12')).toBe('2024-03-12');
    expect(parseDate('20240312')).toBe('2024-03-12');
    expect(parseDate('2024-03-12T09:30:00Z')).toBe('2024-03-12');
    expect(parseDate('2024/3/12')).toBe('2024-03-12');
    expect(parseDate('3/12/2024')).toBe('2024-03-12'); // month first, as US Outlook writes it
    expect(parseDate('25/12/2024')).toBe('2024-12-25'); // 25 cannot be a month
    expect(parseDate('12.03.2024')).toBe('2024-03-12');
  });

  it('reads a birthday without a year only where one is allowed', () => {
    expect(parseDate('--03-12', true)).toBe('--03-12');
    expect(parseDate('--0312', true)).toBe('--03-12');
    expect(parseDate('--02-29', true)).toBe('--02-29');
    expect(parseDate('--03-12')).toBeNull();
  });

  it('refuses impossible dates and anything else', () => {
    for (const bad of [
      '31 Feb 2024',
      '2023-02-29',
      '--02-30',
      '13/13/2024',
      '2024-13-01',
      '0000-01-01',
      'March',
      'circa 1800',
      '',
      '12 Foo 2024',
    ]) {
      expect(parseDate(bad, true)).toBeNull();
    }
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
  });

  it("knows Outlook's empty date", () => {
    expect(isEmptyDate('0/0/00')).toBe(true);
    expect(isEmptyDate('00/00/0000')).toBe(true);
    expect(isEmptyDate('1/1/00')).toBe(false);
  });
});
