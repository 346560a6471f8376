/**
 * Evaluation of a "Dân vận khéo" model by a council (DOMAIN.md §4): each member scores the
 * selection criteria the registration examples emphasise — practicality, measurable effect,
 * creativity, the people's participation, sustainability, replicability — from 0 to 10. The
 * round's score is the members' average on a 100-point scale; the pass mark is the council's
 * rule, given with the round (70 in the demo). Pure: no I/O.
 */
export const MODEL_CRITERIA = ['practicality', 'effect', 'creativity', 'participation', 'sustainability', 'replicability'] as const;
export type ModelCriterion = (typeof MODEL_CRITERIA)[number];
export type MemberScores = Record<ModelCriterion, number>;

export const MODEL_CRITERION_MAX = 10;

/** One member's total on a 100-point scale. */
export function memberTotal(scores: MemberScores): number {
  return Math.round(rawTotal(scores) * 100) / 100;
}

function rawTotal(scores: MemberScores): number {
  const sum = MODEL_CRITERIA.reduce((s, c) => s + Math.min(MODEL_CRITERION_MAX, Math.max(0, scores[c] ?? 0)), 0);
  return (sum * 100) / (MODEL_CRITERIA.length * MODEL_CRITERION_MAX);
}

/** The round's score (average of the members' totals) and whether it reaches the pass mark. */
export function evaluateRound(members: readonly { scores: MemberScores }[], passMark: number): { score: number; passed: boolean } {
  if (members.length === 0) return { score: 0, passed: false };
  const score = Math.round((members.reduce((s, m) => s + rawTotal(m.scores), 0) / members.length) * 100) / 100;
  return { score, passed: score >= passMark };
}

export const MODEL_STATUSES = ['registered', 'launched', 'evaluated', 'commended', 'replicated', 'stopped'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** The lifecycle registered → launched → evaluated → commended → replicated; any open model may be stopped. */
export const MODEL_TRANSITIONS: Record<'launch' | 'evaluate' | 'commend' | 'replicate' | 'stop', readonly ModelStatus[]> = {
  launch: ['registered'],
  // A model is evaluated once launched; a failed round leaves it launched, a later round may pass.
  evaluate: ['launched', 'evaluated', 'commended', 'replicated'],
  commend: ['evaluated'],
  replicate: ['commended', 'replicated'],
  stop: ['registered', 'launched', 'evaluated', 'commended', 'replicated'],
};

/** Whether an action is allowed from a status. */
export function mayTransition(action: keyof typeof MODEL_TRANSITIONS, from: ModelStatus): boolean {
  return MODEL_TRANSITIONS[action].includes(from);
}
