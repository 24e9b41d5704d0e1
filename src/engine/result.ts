/** The result of one household-month, and the receipt that says what produced it. */
import type { Rulebook } from '../rulebook/index.js';
import { VERSION } from '../version.js';

export type { MemberResult, ProgrammeResult, Receipt, EvaluationResult, UnknownMember, UnknownPart } from '../programmes/result.js';
import type { ProgrammeId, Receipt } from '../programmes/result.js';

/** The receipt of every result for a pack: an auditor can tell which rules and data produced it. */
export function receiptFor(rulebook: Rulebook, jurisdiction: string): Receipt {
  const pack = rulebook.packs.get(jurisdiction);
  const receipt: Receipt = {
    engine: `benefit-rules@${VERSION}`,
    rules: [...rulebook.programmes.values()].map((r) => ({ programme: r.programme as ProgrammeId, hash: r.hash })),
    packs: (pack?.chain ?? []).map((id) => ({ id, hash: rulebook.packs.get(id)?.hash ?? '' })),
  };
  // Every result under a reform says so, even where the reform changed nothing: the run was one.
  if (rulebook.reform) receipt.reform = { name: rulebook.reform.name, sha256: rulebook.reform.sha256 };
  return receipt;
}
