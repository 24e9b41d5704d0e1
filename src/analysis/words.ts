/** The words of a curve's chart and table, in Chinese and English. */
import type { Language } from '../explain/render.js';

export interface ChartWords {
  title(household: string, place: string, jurisdiction: string, month: string): string;
  subtitle(member: string, income: string, step: string): string;
  legendNote: string;
  unknownNote(programmes: string[]): string;
  xAxis(member: string, income: string): string;
  yAxis: string;
  net: string;
  reformNet(name: string): string;
  cliffLabel(lost: string): string;
  riseLabel(gained: string): string;
}

const ZH: ChartWords = {
  title: (household, place, jurisdiction, month) => `${household} · ${place}（${jurisdiction}）· ${month} 救助金额随收入变化`,
  subtitle: (member, income, step) => `成员 ${member} 的${income}变化，每步 ${step} 元；其他收入不变`,
  legendNote: '面积：各项救助（按项目叠加）；黑线：家庭收入加救助；红色阴影：断崖（多挣反而少得）；黄色阴影：跳升（收入增加而救助增加）',
  unknownNote: (programmes) => `未知（本月未配置或无法确定，未按零计）：${programmes.join('、')}`,
  xAxis: (member, income) => `成员 ${member} 的${income}（元/月）`,
  yAxis: '元/月',
  net: '家庭收入加救助',
  reformNet: (name) => `改革后：${name}`,
  cliffLabel: (lost) => `断崖 −${lost}`,
  riseLabel: (gained) => `跳升 +${gained}`,
};

const EN: ChartWords = {
  title: (household, place, jurisdiction, month) => `${household} · ${place} (${jurisdiction}) · ${month}: benefits as income varies`,
  subtitle: (member, income, step) => `Member ${member}'s ${income}, in steps of ${step} yuan; other incomes unchanged`,
  legendNote: 'Areas: benefits stacked by programme; black line: household income plus benefits;\nred: cliffs (earning more leaves less); amber: rises (benefits grow with income)',
  unknownNote: (programmes) => `Not known (not configured or undetermined this month, never counted as zero): ${programmes.join(', ')}`,
  xAxis: (member, income) => `Member ${member}'s ${income} (yuan a month)`,
  yAxis: 'yuan a month',
  net: 'income plus benefits',
  reformNet: (name) => `reform: ${name}`,
  cliffLabel: (lost) => `cliff −${lost}`,
  riseLabel: (gained) => `rise +${gained}`,
};

export const chartWords = (lang: Language): ChartWords => (lang === 'zh' ? ZH : EN);
