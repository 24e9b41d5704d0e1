/**
 * The income categories households report. The categories are national vocabulary; how each one is
 * treated (counted, exempt, partly counted, subject to employment-cost deduction) is pack data.
 */
import type { Bilingual } from './common.js';

export const INCOME_TYPES = {
  wages: { zh: '工资性收入', en: 'wages and salaries' },
  business: { zh: '家庭经营净收入', en: 'net business income' },
  property: { zh: '财产净收入', en: 'net property income' },
  transfer: { zh: '转移净收入', en: 'net transfer income' },
  pension: { zh: '养老金、退休金', en: 'pensions' },
  residentsBasicPension: { zh: '城乡居民基本养老保险基础养老金', en: "basic pension of the residents' pension scheme" },
  migrantWork: { zh: '外出务工收入', en: 'migrant-work earnings' },
  auxiliaryEmploymentDisabled: { zh: '残疾人辅助性就业报酬', en: 'auxiliary-employment pay of disabled people' },
  supportReceived: { zh: '赡养费、抚养费、扶养费', en: 'support received from relatives' },
  veteransBenefits: { zh: '优待抚恤金', en: "veterans' special-care and pension benefits" },
  familyPlanningAwards: { zh: '计划生育奖励与扶助金', en: 'family-planning awards' },
  scholarshipsAwards: { zh: '奖学金、见义勇为等奖励性补助', en: 'scholarships and bravery awards' },
  socialAssistance: { zh: '政府发放的各类社会救助款物', en: 'government social-assistance money' },
  disabilityLivingSubsidy: { zh: '困难残疾人生活补贴', en: 'disability living subsidy' },
  disabilityCareSubsidy: { zh: '重度残疾人护理补贴', en: 'severe-disability care subsidy' },
  orphanAllowance: { zh: '孤儿基本生活费、事实无人抚养儿童基本生活补贴', en: 'orphan or de-facto unsupported child allowance' },
  other: { zh: '其他收入', en: 'other income' },
} as const satisfies Record<string, Bilingual>;

export type IncomeType = keyof typeof INCOME_TYPES;
export const INCOME_TYPE_IDS = Object.keys(INCOME_TYPES) as [IncomeType, ...IncomeType[]];
