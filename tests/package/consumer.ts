// A TypeScript consumer of the installed package, type-checked with --strict by consumer.test.ts.
// The @ts-expect-error lines must fail to compile: a misspelt programme id or status is caught.
import { evaluate, programmeOf, PROGRAMME_IDS, type DibaoStatus, type EvaluationResult, type KnownReason } from 'benefit-rules';

const household = { id: 'ts', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
const result: EvaluationResult = evaluate(household, { month: '2024-05' });

const status: DibaoStatus = result.programmes.dibao.status;
const size: number | undefined = result.programmes.dibao.householdSize;
const reasons: string[] = result.programmes['disability-care-subsidy'].reasons;
// An amount may be unknown: null, never a zero.
const care: string | null = result.programmes['disability-care-subsidy'].monthlyAmount;
const partial: boolean = result.totalIsPartial;
// A programme by an id known only at run time.
console.log(programmeOf(result, 'orphan-allowance')?.status, care, partial);
const lines = result.programmes['orphan-allowance'].members ?? [];
for (const id of PROGRAMME_IDS) console.log(id, programmeOf(result, id)?.monthlyAmount);

// @ts-expect-error: no such programme
console.log(result.programmes['disability-care-subsidies']);
// @ts-expect-error: no such status
if (result.programmes.dibao.status === 'enroled') console.log('never');
// @ts-expect-error: amounts are strings, never numbers
const amount: number = result.totalMonthlyAmount;
// A reason code of a bundled programme is a literal (any string is still allowed in `reasons`).
const reason: KnownReason<'dibao'> = 'incomeBelowStandard';
// @ts-expect-error: no such reason of dibao
const misspelt: KnownReason<'dibao'> = 'incomeBelowStandrd';

console.log(status, size, reasons, lines.length, amount, reason, misspelt);
