/**
 * The facts the dibao conditions read, with their names in both languages (for explanations). A
 * rule condition may only use facts listed here; the rulebook check refuses any other.
 */
import type { Bilingual } from '../../schemas/common.js';

export const DIBAO_FACTS = {
  household: {
    householdSize: { zh: '计入的家庭人数', en: 'household size counted' },
    countableIncome: { zh: '家庭可计算收入', en: 'countable income' },
    perCapitaIncome: { zh: '家庭人均收入', en: 'per-capita income' },
    standard: { zh: '低保标准', en: 'dibao standard' },
    marginalLine: { zh: '低保边缘线', en: 'marginal-household line' },
    financialAssets: { zh: '家庭金融资产', en: 'financial assets' },
    financialAssetLimit: { zh: '金融资产上限', en: 'financial-asset limit' },
    countedVehicles: { zh: '计入限制的机动车辆数', en: 'motor vehicles counted' },
    maxVehicles: { zh: '允许的车辆数', en: 'vehicles allowed' },
    dwellings: { zh: '住房套数', en: 'dwellings' },
    maxDwellings: { zh: '允许的住房套数', en: 'dwellings allowed' },
    businessRegistered: { zh: '有经营登记', en: 'business registered' },
    businessRegistrationDisqualifies: { zh: '经营登记取消资格', en: 'business registration disqualifies' },
    enrolled: { zh: '正在享受低保', en: 'currently enrolled' },
    exitMoratorium: { zh: '暂停动态退出', en: 'exit moratorium in force' },
    gradualExitMonth: { zh: '渐退期第几个月', en: 'month of the gradual exit' },
    gradualExitMonths: { zh: '渐退期月数', en: 'months of gradual exit' },
  },
  member: {
    imprisoned: { zh: '服刑', en: 'imprisoned' },
    compulsoryRehabilitation: { zh: '强制隔离戒毒', en: 'in compulsory rehabilitation' },
    declaredMissing: { zh: '宣告失踪', en: 'declared missing' },
    clergyYearsApart: { zh: '宗教教职人员脱离家庭年数', en: 'years the member of the clergy has lived apart' },
    clergyYearsThreshold: { zh: '宗教教职人员脱离家庭年限', en: 'clergy years-apart threshold' },
    householdMarginal: { zh: '所在家庭为低保边缘家庭', en: 'household is marginal' },
    householdAssetsWithinLimits: { zh: '家庭财产符合规定', en: 'household assets within the limits' },
    disabilityCategory: { zh: '残疾类别', en: 'disability category' },
    disabilityGrade: { zh: '残疾等级', en: 'disability grade' },
    seriousIllness: { zh: '患重特大疾病', en: 'seriously ill' },
    residence: { zh: '城乡类别', en: 'residence' },
    povertyRegistered: { zh: '建档立卡贫困人口', en: 'registered poor' },
    singlePersonDisabilityGrades: { zh: '单人保残疾等级', en: 'one-person enrolment disability grades' },
    singlePersonIntellectualMentalGrades: { zh: '单人保智力、精神残疾等级', en: 'one-person enrolment intellectual/mental grades' },
    singlePersonSeriousIllnessResidences: { zh: '单人保重病适用范围', en: 'one-person enrolment for serious illness applies in' },
    singlePersonPovertyRegistered: { zh: '建档立卡人口可单人保', en: 'one-person enrolment of registered poor' },
  },
} as const satisfies Record<'household' | 'member', Record<string, Bilingual>>;

/** Facts that are amounts of money. The compiled path holds them as fixed-point units, so money
 * literals in conditions that compare against them are scaled the same way. */
export const DIBAO_MONEY_FACTS: ReadonlySet<string> = new Set([
  'countableIncome',
  'perCapitaIncome',
  'standard',
  'marginalLine',
  'financialAssets',
  'financialAssetLimit',
]);
