/**
 * The transitions of allowances.sweep.test.ts, as found and checked against the packs: each line is
 * the first month of a new state. A month with no dibao standard makes dibao not in force (no pack sets
 * it) or not configured (a pack says null), and the living subsidy — which needs to know who is on
 * dibao — with it; the other allowances go on where their own values are set.
 */

export const EXPECTED_TRANSITIONS: Record<string, string[]> = {
  'cn-640181': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // no Ningxia dibao standard before 2015-04-01 (宁财[社]发[2015]250号); no pack sets the de-facto rate before 2020
    '2015-04 dibao configured, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // dibao standard 380 from 2015-04-01; disability subsidies before 52号 (2016-01-01); orphan rates null nationally from 2011 (gb-2010-54)
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force: cn grades from 2016-01-01; cn-640000 amounts null 2016 (living 2016-2020, care 2016: start month unknown)
    '2017-01 dibao not-in-force, living not-configured, care configured, orphans not-configured, de-facto not-in-force', // the 2016-04-01 dibao standard ends 2016-12-31; nothing until 2020-01-01
    '2020-01 dibao configured, living not-configured, care configured, orphans configured, de-facto not-configured', // dibao 600 from 2020-01-01; care 80 (2017-2020); orphans 1249 / 937 (nx-2019-orphans); de-facto: two rates, null 2020-2021
    '2021-01 dibao configured, living configured, care configured, orphans configured, de-facto not-configured', // living 110, care 120 from 2021-01-01 (nx-2020-disability [V])
    '2022-01 dibao not-configured, living not-configured, care configured, orphans not-configured, de-facto not-configured', // dibao 2022 null (650 reported without a start; 2022-01-01..2022-12-31)
    '2022-03 dibao not-configured, living not-configured, care configured, orphans configured, de-facto not-configured', // orphans 1500 / 1000 from 2022-03-01, the first month the raise was certainly in force (reported in force 2022-02-22); dibao 2022 still null
    '2023-01 dibao configured, living configured, care configured, orphans configured, de-facto configured', // dibao again; de-facto 1000 from 2022-03-01 (nx-2022-orphans)
    '2025-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // the 2024 values (disability 115 / 130, orphans 1600 / 1200 / 1200) end 2024-12-31; nothing later
    '2026-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2026 (740 / 560 [S]) null
  ],
  'cn-640000': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // no Ningxia dibao standard before 2015-04-01 (宁财[社]发[2015]250号); no pack sets the de-facto rate before 2020
    '2015-04 dibao configured, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // dibao standard 380 from 2015-04-01; disability subsidies before 52号 (2016-01-01); orphan rates null nationally from 2011 (gb-2010-54)
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force: cn grades from 2016-01-01; cn-640000 amounts null 2016 (living 2016-2020, care 2016: start month unknown)
    '2017-01 dibao not-in-force, living not-configured, care configured, orphans not-configured, de-facto not-in-force', // the 2016-04-01 dibao standard ends 2016-12-31; nothing until 2020-01-01
    '2020-01 dibao configured, living not-configured, care configured, orphans configured, de-facto not-configured', // dibao 600 from 2020-01-01; care 80 (2017-2020); orphans 1249 / 937 (nx-2019-orphans); de-facto: two rates, null 2020-2021
    '2021-01 dibao configured, living configured, care configured, orphans configured, de-facto not-configured', // living 110, care 120 from 2021-01-01 (nx-2020-disability [V])
    '2022-01 dibao not-configured, living not-configured, care configured, orphans not-configured, de-facto not-configured', // dibao 2022 null (650 reported without a start; 2022-01-01..2022-12-31)
    '2022-03 dibao not-configured, living not-configured, care configured, orphans configured, de-facto not-configured', // orphans 1500 / 1000 from 2022-03-01, the first month the raise was certainly in force (reported in force 2022-02-22); dibao 2022 still null
    '2023-01 dibao configured, living configured, care configured, orphans configured, de-facto configured', // dibao again; de-facto 1000 from 2022-03-01 (nx-2022-orphans)
    '2025-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // the 2024 values (disability 115 / 130, orphans 1600 / 1200 / 1200) end 2024-12-31; nothing later
    '2026-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2026 (740 / 560 [S]) null
  ],
  'cn-500000': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // no Chongqing dibao standard before 2017-04-01; no pack sets the de-facto rate before 2020
    '2016-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force from 2016-01-01 (cn grades); Chongqing's amounts null until 2022; still no dibao standard
    '2017-04 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // dibao 500 from 2017-04-01; disability method/amount null nationally; orphan rates null nationally
    '2019-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2019 (580 / 440, date not found) null
    '2020-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto not-configured', // orphans 1404 / 1204 from 2020-01-01 (cq-2019-level); de-facto null until 2021-08-31
    '2021-09 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // de-facto 1225 from 2021-09-01 (渝民〔2021〕143号)
    '2022-09 dibao configured, living configured, care configured, orphans configured, de-facto configured', // disability method fixed / byGrade and amounts from 2022-09-01 (cq-disability-levels)
    '2023-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2023 (渝民发〔2023〕10号, start not found) null
    '2024-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // dibao 2024; disability amounts null 2023-01-01..2025-12-31; orphans 1605 / 1405 / 1405
    '2026-01 dibao not-in-force, living not-configured, care configured, orphans not-configured, de-facto not-configured', // dibao asserted through 2025-12-31 (渝民规〔2025〕6号)
  ],
  'cn-500112': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // no Chongqing dibao standard before 2017-04-01; no pack sets the de-facto rate before 2020
    '2016-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force from 2016-01-01 (cn grades); Chongqing's amounts null until 2022; still no dibao standard
    '2017-04 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // dibao 500 from 2017-04-01; disability method/amount null nationally; orphan rates null nationally
    '2019-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2019 (580 / 440, date not found) null
    '2020-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto not-configured', // orphans 1404 / 1204 from 2020-01-01 (cq-2019-level); de-facto null until 2021-08-31
    '2021-09 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // de-facto 1225 from 2021-09-01 (渝民〔2021〕143号)
    '2022-09 dibao configured, living configured, care configured, orphans configured, de-facto configured', // disability method fixed / byGrade and amounts from 2022-09-01 (cq-disability-levels)
    '2023-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2023 (渝民发〔2023〕10号, start not found) null
    '2024-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // dibao 2024; disability amounts null 2023-01-01..2025-12-31; orphans 1605 / 1405 / 1405
    '2026-01 dibao not-in-force, living not-configured, care configured, orphans not-configured, de-facto not-configured', // dibao asserted through 2025-12-31 (渝民规〔2025〕6号)
  ],
  'cn-420100': [
    '2015-01 dibao configured, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // dibao 580 (2015); disability subsidies from 2016-01-01 only; no pack sets the de-facto rate before 2020
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // cn-420100 disability method/amount null from 2016-01-01 (Wuhan pays its own, figures not found)
    '2017-05 dibao configured, living not-configured, care not-configured, orphans partly-configured, de-facto not-configured', // the institutional rate is known from 2017-05, the scattered one is not: the scattered orphan's line alone is not configured
    '2018-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 715 / 580 (date not found) null from 2018-01-01
    '2020-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 780 / 635 in force January 2020; scattered and de-facto null until 2021-12-31
    '2021-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2021 (870 / 730, start not found) null
    '2022-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // dibao and orphans 2784 / 1740 / 1740 from 2022-01-01 (wuhan-2022-raise)
    '2024-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao (and the 2023 orphan rates) asserted through 2023-12-31
  ],
  'cn-420113': [
    '2015-01 dibao configured, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // dibao 580 (2015); disability subsidies from 2016-01-01 only; no pack sets the de-facto rate before 2020
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // cn-420100 disability method/amount null from 2016-01-01 (Wuhan pays its own, figures not found)
    '2017-05 dibao configured, living not-configured, care not-configured, orphans partly-configured, de-facto not-configured', // as in cn-420100
    '2018-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 715 / 580 (date not found) null from 2018-01-01
    '2020-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 780 / 635 in force January 2020; scattered and de-facto null until 2021-12-31
    '2021-01 dibao not-configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao 2021 (870 / 730, start not found) null
    '2022-01 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // dibao and orphans 2784 / 1740 / 1740 from 2022-01-01 (wuhan-2022-raise)
    '2024-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // dibao (and the 2023 orphan rates) asserted through 2023-12-31
  ],
  'cn-321300': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // Suqian dibao applied from 2016-01-01 (in force from 2015, month not found: suqian-2016-levels); no pack sets the de-facto rate before 2020
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force; Jiangsu amounts not found before 苏民规〔2022〕4号 (2023-04-01); orphans null nationally
    '2017-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // the 2016 dibao value ends 2016-12-31
    '2019-09 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 520, inferred from the price subsidy paid for 2019-09 and 2019-10
    '2019-11 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // the inferred value ends 2019-10-31
    '2020-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured',
    '2020-07 dibao not-in-force, living not-configured, care not-configured, orphans configured, de-facto not-configured', // Suqian orphans 2020 / 1310 from 2020-07-01 (suqian-2020-orphans) paid without a Suqian dibao standard; the de-facto child's allowance needs to know whether the child is on dibao: not configured
    '2021-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // Suqian orphan rates asserted through 2020-12-31
  ],
  'cn-321311': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // Suqian dibao applied from 2016-01-01 (in force from 2015, month not found: suqian-2016-levels); no pack sets the de-facto rate before 2020
    '2016-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 52号 in force; Jiangsu amounts not found before 苏民规〔2022〕4号 (2023-04-01); orphans null nationally
    '2017-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // the 2016 dibao value ends 2016-12-31
    '2019-09 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // 520, inferred from the price subsidy paid for 2019-09 and 2019-10
    '2019-11 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-in-force', // the inferred value ends 2019-10-31
    '2020-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured',
    '2020-04 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // Suyu dibao 610 from 2020-04-01 (seed 001)
    '2020-07 dibao configured, living not-configured, care not-configured, orphans configured, de-facto configured', // Suqian orphans 2020 / 1310 / 1310 from 2020-07-01 (suqian-2020-orphans)
    '2021-01 dibao not-in-force, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // Suyu dibao and Suqian orphan rates asserted through 2020-12-31
  ],
  'test-hubei-county': [
    '2015-01 dibao not-in-force, living not-in-force, care not-in-force, orphans not-configured, de-facto not-in-force', // the test dibao standard starts 2016-01-01; no pack sets the de-facto rate before 2020
    '2016-01 dibao configured, living configured, care configured, orphans not-configured, de-facto not-in-force', // 鄂政办发〔2015〕96号: living 50, care 100 from 2016-01-01; Hubei orphan rates in no pack
    '2020-01 dibao configured, living configured, care configured, orphans not-configured, de-facto not-configured',
    '2022-01 dibao configured, living not-configured, care not-configured, orphans not-configured, de-facto not-configured', // Hubei amounts null 2022-01-01..2025-12-31 (steps not found)
    '2026-01 dibao configured, living configured, care configured, orphans not-configured, de-facto not-configured', // living 110, care 125 from 2026-01-01 (hubei-2026-levels [S])
  ],
};
