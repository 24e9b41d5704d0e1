/**
 * How a programme counts age in a month (rule file "ageConvention", docs/decisions/0029): the
 * month's first day by default or as a pack says, its last day as a pack says, and, where a pack's
 * sources are silent, a line that turns on it is not configured rather than decided. The golden
 * cases are tests/cases/forms/test-age*.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../src/evaluate.js';
import { changedFormsRulebook, formsRulebook } from './support/rulebook.js';

const rulebook = formsRulebook();
const household = (jurisdiction: string, birthDate: string) => ({
  id: 'g',
  jurisdiction,
  residence: 'urban' as const,
  members: [{ id: 'a', birthDate, relation: 'head' as const }],
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const loadWith = (change: (json: Json) => void) => {
  const found = changedFormsRulebook('tests/rules/test-age.json', change);
  return typeof found === 'string' ? found : 'loaded';
};

describe('age convention', () => {
  it('decides a birthday inside the month where the sources are silent only if both ages give the same answer', () => {
    // 80 on the 15th, the limit 60: 79 or 80, paid either way.
    const agree = evaluateWith(household('test-age-silent', '1944-03-15'), { month: '2024-03', rulebook, trace: false });
    expect(agree.programmes['test-age' as never]).toMatchObject({ status: 'paid', monthlyAmount: '100.00', notConfigured: ['testAge.convention'] });
    const differ = evaluateWith(household('test-age-silent', '1964-03-31'), { month: '2024-03', rulebook, trace: false });
    expect(differ.programmes['test-age' as never]).toMatchObject({
      status: 'not-configured',
      monthlyAmount: null,
      members: [{ member: 'a', entitled: null, notConfigured: ['testAge.convention'] }],
    });
    expect(differ.totalIsPartial).toBe(true);
  });

  it('does not read the convention for a member whose age is the same all month', () => {
    const result = evaluateWith(household('test-age-silent', '1964-04-01'), { month: '2024-03', rulebook, trace: false });
    expect(result.programmes['test-age' as never]).toMatchObject({ status: 'ineligible', notConfigured: [] });
  });

  it('says in Chinese what is unknown', () => {
    const zh = (evaluateWith(household('test-age-silent', '1964-03-31'), { month: '2024-03', rulebook, lang: 'zh' }).explanation ?? []).join('\n');
    expect(zh).toContain('成员 a：本月第一天 59 周岁、最后一天 60 周岁，结果不同；年龄计算方法未配置（testAge.convention），不作判定');
  });

  it('refuses a convention that is not an enum of firstDay and lastDay, or that would stop the programme', () => {
    expect(loadWith((json) => (json.parameters['testAge.convention'].type.values = ['firstDay', 'lastDay', 'reached']))).toContain('"path":"$.ageConvention"');
    expect(loadWith((json) => (json.ageConvention = 'testAge.amount'))).toContain('expected an enum parameter of this file with the values firstDay, lastDay');
    expect(loadWith((json) => (json.parameters['testAge.convention'].whenNotConfigured = 'programme'))).toContain('not to stop the programme when not configured');
  });
});
