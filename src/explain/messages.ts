/** The words of explanations, in Chinese and English, keyed like the trace they render. */
import type { Bilingual } from '../schemas/common.js';

/** Statuses the engine itself gives; a programme's own are in its rule file's messages. */
export const STATUS: Record<string, Bilingual> = {
  paid: { zh: '发放', en: 'paid' },
  'not-paid': { zh: '不发放（项目衔接）', en: 'not paid (interaction)' },
  ineligible: { zh: '不符合条件', en: 'not eligible' },
  'not-configured': { zh: '本月未配置，无法计算', en: 'not configured for this month: cannot be computed' },
  'not-in-force': { zh: '本月未实施', en: 'not in force this month' },
  'partly-configured': { zh: '部分成员未配置（只计已知部分）', en: 'partly configured (known part only)' },
  'missing-facts': { zh: '缺少所需信息', en: 'facts missing' },
  'no-event': { zh: '未申报事项', en: 'no event described' },
  'caseworker-decision': { zh: '由经办人员在规定范围内确定', en: "the caseworker's decision, within the bounds the rules set" },
};

export const REASONS: Record<string, Bilingual> = {
  eligible: { zh: '符合条件', en: 'eligible' },
  notConfigured: { zh: '所需参数本月未配置', en: 'a parameter it needs is not configured this month' },
  amountNotConfigured: { zh: '本类情形的金额未配置', en: 'no amount is configured for this case' },
  missingFact: { zh: '缺少计算所需的成员信息', en: 'a member fact it needs is missing' },
  someMembersUnknown: { zh: '部分成员无法确定', en: 'some members cannot be decided' },
  caseworkersDecision: {
    zh: '金额由经办人员根据困难类型、程度和人数确定',
    en: 'the caseworker sets the amount by the kind and severity of the difficulty and the people affected',
  },
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

export const WORDS = {
  yuanPerMonth: { zh: '元/月', en: 'yuan a month' },
  oneOff: { zh: '元（一次性，不计入月度合计）', en: 'yuan once (a one-off amount, not in the monthly total)' },
  noSuggestion: { zh: '无建议金额（无相应规则）', en: 'no suggested amount (no rule suggests one)' },
  minimum: { zh: '最低', en: 'at least' },
  maximum: { zh: '最高', en: 'at most' },
  noBound: { zh: '未配置', en: 'not configured' },
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
  entitled: { zh: '应享', en: 'entitled' },
  paid: { zh: '实发', en: 'paid' },
  interaction: { zh: '项目衔接', en: 'interaction' },
  weighedAgainst: { zh: '比较', en: 'weighed against' },
  unknownAmount: { zh: '未知', en: 'unknown' },
  lineNotConfigured: { zh: '未配置', en: 'not configured' },
  ofWhich: { zh: '其中', en: 'of which' },
  ageConventionUnknown: {
    zh: '成员 {member}：本月第一天 {firstDay} 周岁、最后一天 {lastDay} 周岁，结果不同；年龄计算方法未配置（{parameter}），不作判定',
    en: 'member {member}: aged {firstDay} on the first day of the month and {lastDay} on the last, with different answers; how age is counted is not configured ({parameter}), so nothing is decided',
  },
  factMissing: { zh: '缺少', en: 'missing' },
  totalIsPartial: { zh: '合计不完整（仅含已知金额），未知部分', en: 'the total is partial (known amounts only); unknown' },
} as const satisfies Record<string, Bilingual>;
