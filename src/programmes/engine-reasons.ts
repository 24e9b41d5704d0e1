/** The engine's reason codes, which any programme may give (beside its rule file's own, generated
 * into reasons.ts): src/engine/assemble.ts, run.ts and interactions.ts and
 * src/programmes/declared/member.ts write them. */
export const ENGINE_REASONS = [
  'eligible',
  'membersEligible',
  'noMemberEligible',
  'noCandidates',
  'someMembersUnknown',
  'missingFact',
  'notConfigured',
  'amountNotConfigured',
  'caseworkersDecision',
  'undetermined',
] as const;
