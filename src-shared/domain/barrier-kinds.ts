/**
 * What gets in the way of practice: one taxonomy for the barriers planned in the builder and the
 * barriers met that a review records, so Insights can set the two side by side and count them
 * across clients. Free text sits beside each kind; the kind is what gets counted.
 */
export const barrierKinds = [
  'forgot',
  'no-time',
  'too-big-or-hard',
  'unclear-when-where-how',
  'plan-did-not-fit-day',
  'unsure-why-it-helps',
  'did-not-agree-it-helps',
  'feelings-or-avoidance',
  'low-energy-or-mood',
  'other-people',
  'chaotic-week',
  'illness',
  'materials-lost',
  'worried-someone-would-see',
  'other',
] as const;

/** One kind of barrier. */
export type BarrierKind = (typeof barrierKinds)[number];

/** How each kind reads, in plain words a therapist would say aloud with the client. */
export const barrierKindLabels: Record<BarrierKind, string> = {
  forgot: 'Forgetting',
  'no-time': 'Not enough time',
  'too-big-or-hard': 'Too big or too hard',
  'unclear-when-where-how': 'Unclear when, where or how',
  'plan-did-not-fit-day': "The plan didn't fit the day",
  'unsure-why-it-helps': 'Unsure why it helps',
  'did-not-agree-it-helps': "Didn't agree it would help",
  'feelings-or-avoidance': 'Feelings or avoidance got in the way',
  'low-energy-or-mood': 'Low energy or mood',
  'other-people': 'Other people',
  'chaotic-week': 'A chaotic week or a life event',
  illness: 'Illness',
  'materials-lost': 'Lost the materials',
  'worried-someone-would-see': 'Worried someone would see it',
  other: 'Something else',
};
