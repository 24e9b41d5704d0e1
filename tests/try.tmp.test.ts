import { it } from 'vitest';
import { formsRulebook } from './support/rulebook.js';
import { evaluateWith } from '../src/evaluate.js';
const hh = (j: string, members: unknown[]) => ({ id: 'h', jurisdiction: j, residence: 'urban', members });
const fam = [
  { id: 'a', birthDate: '1980-01-01', relation: 'head', selfCare: 'fullyLost' },
  { id: 'b', birthDate: '1964-03-01', relation: 'spouse', selfCare: 'partlyLost' },
  { id: 'c', birthDate: '2010-01-01', relation: 'child' },
  { id: 'd', birthDate: '2012-01-01', relation: 'child' },
];
it('prints', () => {
  const rb = formsRulebook();
  for (const j of (process.env.PACKS ?? '').split(',')) {
    const r = evaluateWith(hh(j, fam), { month: process.env.MONTH ?? '2024-03', rulebook: rb, lang: 'en' } as never) as any;
    const f = r.programmes['test-forms'];
    console.log(j, JSON.stringify({ t: r.totalMonthlyAmount, s: f.status, m: f.monthlyAmount, nc: f.notConfigured, mem: f.members?.map((x: any) => x.paid + ' ' + x.reasons.join(',')), e: r.programmes['test-event'] }));
    if (process.env.EXPLAIN) console.log(r.explanation.join('\n'));
  }
});
