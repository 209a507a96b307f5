// Invented wording for the large reference practice (large-practice.ts): plain, everyday
// therapy language, nobody real. Names are made up: 20 first names × 15 family names = 300.

export const FIRST = [
  'Ardo',
  'Belka',
  'Corvin',
  'Dessa',
  'Elmo',
  'Fenna',
  'Galo',
  'Hesper',
  'Ilka',
  'Jorund',
  'Kessa',
  'Lumo',
  'Mirel',
  'Nabo',
  'Orla',
  'Pim',
  'Quilla',
  'Rusk',
  'Sella',
  'Tovin',
];

export const LAST = [
  'Ashgrove',
  'Brindlecombe',
  'Cobbleton',
  'Dunmarrow',
  'Eldwick',
  'Fernhollow',
  'Gorsebury',
  'Hazelmoor',
  'Ivybank',
  'Juniperly',
  'Kettlewick',
  'Larkspurr',
  'Mossmere',
  'Nettlecombe',
  'Oakhallow',
];

export const TOPICS = [
  'Sleep since last week',
  'Work stress and the new manager',
  'Visit to their mother',
  'Worry about money',
  'Panic on the bus',
  'Conflict with a flatmate',
  'Energy in the mornings',
  'Avoiding phone calls',
  'Plans for the weekend',
  'Urges after dinner',
  'Self-criticism after mistakes',
  'Returning to the gym',
  'Feeling low on Sundays',
  'Preparing for the appointment with the GP',
];

export const SUMMARY = [
  'We looked back at the week and what helped on the harder days.',
  'You noticed that going out early made the afternoon easier.',
  'We talked about how worry builds in the evening and what interrupts it.',
  'You tried the first step and it was less frightening than expected.',
  'We agreed to keep the plan small so that it fits a busy week.',
  'You named what matters most to you right now: rest, friends and work that feels fair.',
  'We practised the breathing exercise together for five minutes.',
];

export const NOTES = [
  'Mood appeared brighter than last time; good eye contact.',
  'Reported two nights of poor sleep after a stressful shift.',
  'No risk concerns raised; safety plan reviewed briefly and still fits.',
  'Some avoidance around the topic of the family visit; return to it next time.',
  'Homework partly done; barriers were time and forgetting rather than fear.',
  'Consider introducing the thought record once the routine is steadier.',
  'Discussed the referral letter; they will bring the form next week.',
  'Engaged well; asked good questions about the rationale.',
];

export const WHY = [
  'I want my evenings back instead of lying awake going over everything.',
  'When I get outside I feel more like myself and less stuck.',
  'My sister says I seem brighter on the days I do something small.',
  'I would like to be able to take the bus to work without dreading it.',
  'It matters to me to be kinder to myself after a bad day.',
];

export const WHERE = [
  'at home',
  'in the park by the river',
  'at the kitchen table',
  'on the way to work',
];

export const CUES = [
  'after breakfast',
  'when I get home',
  'after brushing my teeth',
  'after lunch',
];

export const REASONS = [
  'We spent the time on a difficult week at work.',
  'A safety check took priority today.',
  'They arrived late and we kept to what was most pressing.',
];

export const HAPPENED = [
  'Did it on the first three mornings, then the week got busy.',
  'Went out twice after breakfast; the second time felt easier.',
  'Tried it on the bus instead of at home, which worked better.',
  'Forgot until Thursday, then did a shorter version each evening.',
  'Did not get to it: the children were ill most of the week.',
  'Managed every planned day and added one more.',
];

export const LEARNED = [
  'Starting small made it easier to begin at all.',
  'The worry came down on its own when I stayed with it.',
  'Doing it straight after the cue was what made it stick.',
  'Evenings are harder than mornings for me.',
  'I can do it even when I do not feel like it.',
];

export const WINS = [
  'Took the bus to the shops on Saturday.',
  'Slept through two nights.',
  'Called the GP surgery without putting it off.',
  'Noticed the urge and let it pass.',
  '',
];

export const BARRIER_NOTES = [
  'Long shifts all week.',
  'Felt too flat in the evenings.',
  'The note on the kettle fell off.',
  'Worried about what my flatmate would think.',
  'Did not see the point after a bad day.',
  '',
];

export const DECISION_REASONS = [
  'It is working; keep the same plan for another week.',
  'Ready for the next step on the ladder.',
  'Fitting it to the shorter evenings.',
  'Trying it after lunch instead of in the morning.',
  '',
];

export const SCRATCH_TITLES = [
  'Phone one friend this week',
  'Ten minutes outside before work',
  'Write down three things that went all right',
  'Lights out by eleven',
];

export const NOTES_ON_DAYS = [
  'Felt a bit better afterwards.',
  'Hard to start, fine once going.',
  'Did it with my sister.',
  'Rained, so did it indoors.',
];

export const SHORT_TEXT = ['calm', 'a bit anxious', 'tired', 'pleased with myself', 'restless'];

/** Goals in clients' own words, with why they matter to them. */
export const GOALS = [
  ['Sleep through most nights', 'I want to wake up with some energy for the day.'],
  ['Take the bus to work on my own', 'It would give me my mornings back.'],
  ['See friends once a week', 'I feel more like myself when I have people around.'],
  ['Worry less about money in the evenings', 'The evenings are when I could rest.'],
  ['Go back to swimming', 'It was the one thing that always cleared my head.'],
  [
    'Be kinder to myself after mistakes',
    'I would not speak to a friend the way I speak to myself.',
  ],
  ['Phone people back without putting it off', 'Things pile up and then feel impossible.'],
  ['Get outside every day', 'Being out in the light helps my mood.'],
  ['Eat regular meals', 'I feel steadier when I have eaten properly.'],
] as const;
