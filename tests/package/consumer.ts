// A TypeScript consumer of the installed package, type-checked with --strict by consumer.test.ts.
// The @ts-expect-error lines must fail to compile: a misspelt programme id or status is caught.
import { evaluate, PROGRAMME_IDS, type DibaoStatus, type EvaluationResult, type MemberProgrammeReason } from 'benefit-rules';

const household = { id: 'ts', jurisdiction: 'cn-640181', residence: 'urban', members: [{ id: 'a', birthDate: '1980-01-01', relation: 'head' }] };
const result: EvaluationResult = evaluate(household, { month: '2024-05' });

const status: DibaoStatus = result.programmes.dibao.status;
const size: number | undefined = result.programmes.dibao.householdSize;
const reasons: MemberProgrammeReason[] = result.programmes['disability-care-subsidy'].reasons;
const lines = result.programmes['orphan-allowance'].members ?? [];
for (const id of PROGRAMME_IDS) console.log(id, result.programmes[id].monthlyAmount);

// @ts-expect-error: no such programme
console.log(result.programmes['disability-care-subsidies']);
// @ts-expect-error: no such status
if (result.programmes.dibao.status === 'enroled') console.log('never');
// @ts-expect-error: amounts are strings, never numbers
const amount: number = result.totalMonthlyAmount;

console.log(status, size, reasons, lines.length, amount);
