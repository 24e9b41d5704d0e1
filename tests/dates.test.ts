import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { yearsBetween } from '../src/dates.js';

describe('completed years', () => {
  it('counts anniversaries by the calendar, the day itself included', () => {
    expect(yearsBetween('2017-10-01', '2020-10-01')).toBe(3);
    expect(yearsBetween('2017-10-02', '2020-10-01')).toBe(2);
    expect(yearsBetween('2016-02-29', '2020-02-28')).toBe(3);
    expect(yearsBetween('2021-01-01', '2020-01-01')).toBe(0);
  });

  it('does not depend on the host time zone (midnight daylight-saving changes)', () => {
    // Asunción moved its clocks at midnight on 2020-10-04: date-fns in local time gave 2 here.
    const script = "import('./dist/dates.js').then((d) => process.stdout.write(String(d.yearsBetween('2017-10-01', '2020-10-01'))))";
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Asuncion', 'America/Havana', 'Africa/Cairo']) {
      expect(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz } }).toString()).toBe('3');
    }
  });
});
