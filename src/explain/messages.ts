/** The words of explanations, in Chinese and English, keyed like the trace they render. */
import type { Bilingual } from '../schemas/common.js';

export const STATUS: Record<string, Bilingual> = {
  enrolled: { zh: '纳入保障', en: 'enrolled' },
  'gradual-exit': { zh: '渐退期', en: 'in gradual exit' },
  ineligible: { zh: '不符合条件', en: 'not eligible' },
};

export const REASONS: Record<string, Bilingual> = {
  eligible: { zh: '符合低保条件', en: 'meets the dibao conditions' },
  incomeBelowStandard: { zh: '人均收入低于低保标准', en: 'per-capita income below the standard' },
  incomeNotBelowStandard: { zh: '人均收入不低于低保标准', en: 'per-capita income not below the standard' },
  noCountedMembers: { zh: '无计入的家庭成员', en: 'no member counted' },
  assetsOverLimits: { zh: '财产超过规定', en: 'assets over the limits' },
  marginal: { zh: '低保边缘家庭', en: 'marginal household (低保边缘)' },
  singlePerson: { zh: '成员单独纳入低保（单人保）', en: 'members enrolled alone (单人保)' },
  hardCase: { zh: '硬伤户，立即退出', en: 'hard case: exits at once' },
  exitMoratorium: { zh: '暂不做动态退出', en: 'kept on by the exit moratorium' },
  gradualExit: { zh: '渐退期内按比例发放', en: 'paid a share of the last amount during the gradual exit' },
  gradualExitComplete: { zh: '渐退期已满，退出', en: 'gradual exit complete: exits' },
  noGradualExit: { zh: '本地未设渐退期，退出', en: 'no gradual exit configured here: exits' },
};

export const EXCLUSIONS: Record<string, Bilingual> = {
  imprisoned: { zh: '服刑', en: 'imprisoned' },
  compulsoryRehabilitation: { zh: '强制隔离戒毒', en: 'in compulsory rehabilitation' },
  declaredMissing: { zh: '宣告失踪', en: 'declared missing' },
  clergyLivingApart: { zh: '脱离家庭的宗教教职人员', en: 'clergy living apart' },
};

export const OPERATORS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

type Template = (v: Record<string, string>) => string;

export const CALCULATIONS: Record<string, { zh: Template; en: Template }> = {
  difference: {
    zh: (v) => `低保金 = 低保标准 × 家庭人数 − 家庭可计算收入 = ${v.standard} × ${v.householdSize} − ${v.countableIncome} = ${v.result}`,
    en: (v) => `amount = standard × household size − countable income = ${v.standard} × ${v.householdSize} − ${v.countableIncome} = ${v.result}`,
  },
  differencePerPerson: {
    zh: (v) => `低保金 = (低保标准 − 人均收入) × 家庭人数 = (${v.standard} − ${v.perCapitaIncome}) × ${v.householdSize} = ${v.result}`,
    en: (v) => `amount = (standard − per-capita income) × household size = (${v.standard} − ${v.perCapitaIncome}) × ${v.householdSize} = ${v.result}`,
  },
  floor: {
    zh: (v) => `保底：每人不低于标准的 ${v.share}，${v.share} × ${v.standard} × ${v.householdSize} = ${v.result}（差额为 ${v.amount}）`,
    en: (v) => `floor: at least ${v.share} of the standard per person, ${v.share} × ${v.standard} × ${v.householdSize} = ${v.result} (the difference was ${v.amount})`,
  },
  tiers: {
    zh: (v) => `分档：人均收入 ${v.perCapitaIncome}（标准 ${v.standard}）属第 ${v.tier} 档，${v.amountShare} × ${v.standard} × ${v.householdSize} = ${v.result}`,
    en: (v) => `tiers: per-capita income ${v.perCapitaIncome} against the standard ${v.standard} falls in tier ${v.tier}: ${v.amountShare} × ${v.standard} × ${v.householdSize} = ${v.result}`,
  },
  gradualExit: {
    zh: (v) => `渐退期第 ${v.month}/${v.of} 个月：${v.share} × 原低保金 ${v.lastAmount} = ${v.result}`,
    en: (v) => `gradual exit, month ${v.month} of ${v.of}: ${v.share} × last amount ${v.lastAmount} = ${v.result}`,
  },
};

export const DECISIONS: Record<string, { zh: Template; en: Template }> = {
  moratoriumKeepsLastAmount: {
    zh: (v) => `暂不退出：继续按原低保金 ${v.lastAmount} 发放`,
    en: (v) => `exit moratorium: the payment stays at the last amount, ${v.lastAmount}`,
  },
  singlePersonIncomeTooHigh: {
    zh: (v) => `成员 ${v.member} 本人收入 ${v.income} 不低于标准 ${v.standard}，不单独纳入`,
    en: (v) => `member ${v.member}: own income ${v.income} is not below the standard ${v.standard}, so not enrolled alone`,
  },
};

export const WORDS = {
  yuanPerMonth: { zh: '元/月', en: 'yuan a month' },
  total: { zh: '本月合计', en: 'Total this month' },
  met: { zh: '成立', en: 'met' },
  notMet: { zh: '不成立', en: 'not met' },
  verified: { zh: '已核实', en: 'verified' },
  unverified: { zh: '未核实', en: 'NOT verified' },
  notConfigured: { zh: '本月未配置，该规则不适用', en: 'not configured for this month; the rule is left out' },
  notSet: { zh: '本地未设定、不适用的规则', en: 'rules not set here, so not applied' },
  counted: { zh: '计入家庭成员', en: 'counted in the household' },
  notCounted: { zh: '不计入家庭成员', en: 'not counted' },
  reasons: { zh: '理由', en: 'reasons' },
  source: { zh: '依据', en: 'source' },
  inForce: { zh: '施行', en: 'in force' },
  setBy: { zh: '设定于', en: 'set by' },
  issued: { zh: '发布', en: 'issued' },
  member: { zh: '成员', en: 'member' },
  household: { zh: '家庭', en: 'household' },
  countedInFull: { zh: '全额计入', en: 'counted in full' },
  exempt: { zh: '不计入', en: 'not counted' },
  notMember: { zh: '不计入（非家庭成员）', en: 'not counted (not a member of the household)' },
  countedAt: { zh: '按比例计入', en: 'counted at' },
  deduction: { zh: '就业成本扣减', en: 'employment-cost deduction' },
  capped: { zh: '（已封顶）', en: ' (capped)' },
  rounded: { zh: '取整', en: 'rounded' },
} as const satisfies Record<string, Bilingual>;
