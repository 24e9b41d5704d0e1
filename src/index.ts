/**
 * benefit-rules: China's social-assistance rules as data, and a pure evaluator that explains every
 * yuan. Start with `evaluate(household, { month })`.
 */
import { evaluateWith, type EvaluateOptions, type EvaluationResult } from './evaluate.js';
import { bundledRulebook } from './load.js';
import type { Rulebook } from './rulebook/index.js';
import { checkOptions } from './options.js';

export type { EvaluateOptions, EvaluationResult, ProgrammeResult, MemberResult, Receipt } from './evaluate.js';
export type { DibaoFields } from './programmes/dibao/index.js';
export type {
  DibaoResult,
  MemberProgrammeResult,
  Programmes,
  ProgrammeId,
  MemberProgrammeId,
  DibaoStatus,
  MemberProgrammeStatus,
  LineStatus,
  KnownReason,
  Reasons,
  UnknownMember,
  UnknownPart,
} from './programmes/result.js';
export { programmeOf } from './programmes/result.js';
export { PROGRAMME_IDS, DIBAO_STATUSES, MEMBER_PROGRAMME_STATUSES, LINE_STATUSES } from './schemas/result.js';
export { PROGRAMME_REASONS } from './programmes/reasons.js';
export { ENGINE_REASONS } from './programmes/engine-reasons.js';
export type { Household, HouseholdInput, Member, Income } from './schemas/household.js';
export type { Rulebook, Pack, ReformStamp } from './rulebook/index.js';
export type { TraceEntry } from './programmes/trace.js';
export type { ResolvedParameter } from './rulebook/resolve.js';
export { householdSchema } from './schemas/household.js';
export { INCOME_TYPES } from './schemas/income.js';
export { BenefitRulesError, isBenefitRulesError } from './errors.js';
export { loadRulebook, bundledRulebook, buildRulebook, type LoadOptions } from './load.js';
export type { RulebookInput, FileInput, PackInput } from './rulebook/index.js';
export { applyReform, checkReform, type Reform } from './reform/index.js';
export type { ReformFile, ReformChange } from './schemas/reform.js';
export { parseHousehold, evaluateWith } from './evaluate.js';
export { resolveParameter } from './rulebook/resolve.js';
export { compileCondition } from './conditions/compile.js';
export { explain } from './explain/render.js';
export { VERSION } from './version.js';
export { compileEvaluator, type CompiledEvaluator, type CompileOptions } from './fast/evaluator.js';
export { evaluateBatch, evaluateStream, type BatchOptions } from './batch/api.js';
export type { BatchRecord } from './batch/records.js';
export { receiptHash } from './batch/receipts.js';

/**
 * Eligibility and monthly amounts for one household and one month. Uses the bundled rules and packs
 * unless `rulebook` is given (read once per process; evaluation itself does no I/O).
 */
export function evaluate(household: unknown, options: Omit<EvaluateOptions, 'rulebook'> & { rulebook?: Rulebook }): EvaluationResult {
  // Checked before it is read: evaluate(household) and evaluate(household, null) are mistakes to report.
  checkOptions(options, 'evaluate');
  return evaluateWith(household, { ...options, rulebook: options.rulebook ?? bundledRulebook() });
}
export { evaluateTimeline, auditLedger, verifyAudit, type TimelineOptions, type TimelineResult, type AuditOptions, type AuditReport } from './audit/api.js';
export type { Checkpoint } from './audit/auditor.js';
export type { Finding, AuditedLine, MissingLine, Verdict } from './audit/auditor.js';
export {
  benefitCurve,
  MAX_CURVE_POINTS,
  type CurveOptions,
  type CurveResult,
  type CurvePoint,
  type CurveSide,
  type Cliff,
  type Rise,
  type ProgrammeChange,
} from './analysis/curve.js';
