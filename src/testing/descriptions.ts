/** What each ready property states, in English and Chinese, exceptions included: printed by
 * `benefit-rules check` and given to users as ReadyProperty.description. */

export const PROPERTY_NAMES = ['totals-add-up', 'no-negative-amounts', 'compiled-equals-reference', 'raise-never-lowers-dibao', 'income-never-raises-dibao'] as const;
export type PropertyName = (typeof PROPERTY_NAMES)[number];

export const DESCRIPTIONS: Record<PropertyName, { en: string; zh: string }> = {
  'totals-add-up': {
    en: "The monthly total is the sum of the programmes' amounts, and each programme's amount the sum of its members' lines; a one-off amount stands beside the total, never in it; an amount not known is null and the total says it is partial. No exceptions.",
    zh: '月度合计等于各项目金额之和，各项目金额等于其成员各行之和；一次性金额（临时救助）不计入月度合计；未知金额为 null，合计注明为部分合计。无例外。',
  },
  'no-negative-amounts': {
    en: 'Every amount is a decimal string of yuan and fen ("12.34"): never negative, NaN or Infinity. No exceptions.',
    zh: '所有金额均为元、分两位小数的字符串（如 "12.34"），不得为负数、NaN 或 Infinity。无例外。',
  },
  'compiled-equals-reference': {
    en: "The compiled fast path (compileEvaluator) gives the reference evaluator's result byte for byte, trace included, or refuses the household with the same error. No exceptions.",
    zh: '编译快速路径（compileEvaluator）与参考求值器的结果逐字节一致（含计算过程），或以同样的错误拒绝该户。无例外。',
  },
  'raise-never-lowers-dibao': {
    en:
      "A reform that only raises a dibao standard never lowers a household's dibao (with --reform, the reform against the baseline: a reform that lowers a standard fails; without, both standards raised by a drawn amount). " +
      'The exceptions the rules make, counted and not failed: a household whose marginal status had one member enrolled alone (单人保) and which the higher standard enrols as a whole, at a lower amount than that member received; ' +
      'and, with a case history, a household paid from its last amount — in gradual exit (渐退), or kept on by an exit moratorium (暂停退出) — which the higher standard enrols again at a lower difference amount; and a member the higher standard brings under extreme-poverty support (特困, whose test reads the dibao standard), who is then counted apart from the dibao household.',
    zh:
      '只提高低保标准的改革不会降低任何家庭的低保金（给出 --reform 时比较改革与基线：降低标准的改革应当失败；未给出时，城乡标准同时提高一个随机金额）。' +
      '规则本身的例外（计数、不判失败）：低保边缘家庭中单独纳入（单人保）的成员，在标准提高后全家纳入，全家金额低于该成员原有金额；' +
      '以及有低保记录、按最后一次金额领取的家庭（渐退期，或暂停退出期间），在标准提高后重新按差额纳入，金额低于原领取额；以及因标准提高而纳入特困供养（其认定参照低保标准）、从此单独计算而不再计入低保家庭的成员。',
  },
  'income-never-raises-dibao': {
    en:
      "More countable income (a household business income line) never raises the household's dibao on the household path. " +
      'The exceptions the rules make, counted and not failed: one-person enrolment (单人保) — the extra income lifts the household above the standard into the marginal band (up to 1.5 × the standard), where a member the pack names (severely disabled, seriously ill) is enrolled alone at a higher amount than the household had ' +
      '(Lingwu: wages 2100, dibao 70 → 690). With a case history, a household the income would take off dibao is paid from its last amount — a share of it in gradual exit (渐退), all of it under an exit moratorium (暂停退出) — which can also be more; and a member whom the income takes out of extreme-poverty support (特困) joins the dibao household again. These are counted too.',
    zh:
      '可计收入增加（家庭经营收入）不会使按家庭纳入的低保金增加。' +
      '规则本身的例外（计数、不判失败）：单人保——收入增加使家庭超过标准而进入低保边缘（标准的 1.5 倍以内），其中符合条件的成员（重度残疾、重病）单独纳入，金额高于家庭原来的低保金（灵武：工资 2100 元，低保金 70 → 690 元）。' +
      '有低保记录的家庭因收入增加本应退出时，按最后一次金额领取（渐退期按比例，暂停退出期间全额），也可能更多；因收入增加不再属于特困供养的成员重新计入低保家庭。同样计数。',
  },
};
