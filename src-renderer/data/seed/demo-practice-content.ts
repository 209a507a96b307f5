import type { BarrierKind } from '../../../src-shared/domain/barrier-kinds';
import type { ClientStatus } from '../../../src-shared/domain/client';
import type { Goal } from '../../../src-shared/domain/goal';
import type {
  NewVersionDecision,
  PlanUse,
  ReviewDecision,
  ReviewOutcome,
} from '../../../src-shared/domain/review';

// The demo vault's practice: five made-up clients of one therapist, a few weeks into therapy.
// Everything here is invented and written to read like ordinary, careful clinical work: no
// real person, no risk material beyond a routine check, plain and warm wording throughout.

/** A finished review of a piece of practice, at the next session held. */
export type DemoReview = {
  outcome: ReviewOutcome;
  percentDone: number | null;
  happened: string;
  learned: string;
  wins: string;
  barriersMet: { kind: BarrierKind; note: string }[];
  ifThenPlan: PlanUse | null;
  /** How helpful and how hard it felt, 0–4, as the client rated it. */
  helpful: number;
  hard: number;
  decision: ReviewDecision;
  decisionReason: string;
};

/** Practice agreed in a session, built the way the builder builds it. */
export type DemoPractice = {
  /** The built-in template it starts from. */
  templateId: string;
  /** The held session (0–3) it is agreed in. */
  setAt: number;
  /** The earlier practice (index in the client's list) this is a new version of, and why. */
  continues?: { practice: number; decision: NewVersionDecision };
  /** Which of the client's goals it serves (index). */
  goal: number;
  whyItMatters: string;
  whatFeelsDoable: string;
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  time: string | null;
  cue: string;
  where: string;
  barrier: { kind: BarrierKind; barrier: string; ifThen: string };
  backupPlan: string;
  confidence: number;
  importance: number;
  reminderPlace: string;
  /** How each day from the start went, until the next session (missing days were not logged). */
  practised: ('yes' | 'partly' | 'no')[];
  /** Its review at the next session; none while that session is still to come. */
  review?: DemoReview;
};

/** A session held (0–3, a week apart) before the one coming up. */
export type DemoSession = { topics: string[]; summaryForClient: string; privateNotes: string };

/** One made-up client. */
export type DemoClient = {
  name: string;
  status: ClientStatus;
  privateNotes: string;
  goals: { clientWords: string; whyItMatters: string; status: Goal['status'] }[];
  /** Session start time, local. */
  hour: number;
  minute: number;
  /** The four sessions held, a week apart, oldest first. */
  sessions: [DemoSession, DemoSession, DemoSession, DemoSession];
  /** Whether the next weekly session is booked (a paused client has none). */
  nextBooked: boolean;
  practice: DemoPractice[];
};

export const demoClients: DemoClient[] = [
  {
    name: 'Maren Holloway',
    status: 'active',
    privateNotes:
      'Referred by GP for low mood after redundancy. Lives with partner. Enjoys gardening and used to walk a lot. Routine risk check at assessment: no concerns.',
    goals: [
      {
        clientWords: 'Get outside every day, even for a bit',
        whyItMatters: 'I feel less stuck when I have been out in the light.',
        status: 'active',
      },
      {
        clientWords: 'See my friends again',
        whyItMatters: 'I miss them, and I think they miss me.',
        status: 'active',
      },
    ],
    hour: 10,
    minute: 0,
    sessions: [
      {
        topics: ['How the last month has been', 'What a good day used to look like'],
        summaryForClient:
          'We talked about how the weeks have narrowed since the job ended. You remembered that walks used to lift your mood. We agreed to start very small.',
        privateNotes:
          'Low mood, flat affect, sleeping late. Behavioural activation rationale explained; she related to the idea of the "narrowing" cycle.',
      },
      {
        topics: ['The walks', 'Mornings'],
        summaryForClient:
          'You got out on four days, and noticed the second half of each walk was easier than the first. We kept the plan and made the mornings a little gentler.',
        privateNotes:
          'Good engagement with the walks. Mood slightly brighter. Some self-criticism about the days missed; normalised.',
      },
      {
        topics: ['Walks getting easier', 'Reaching out to friends'],
        summaryForClient:
          'Walking is becoming part of the day. You would like to take the next step and walk to the allotment. We also talked about a message to Jess.',
        privateNotes: 'Ready to step up. Noted avoidance around friends: shame about the job.',
      },
      {
        topics: ['The allotment walk', 'The message to Jess'],
        summaryForClient:
          'The longer walk went well on most days. You sent Jess a message and she replied the same evening. We planned one more small step with friends.',
        privateNotes:
          'Clear gains. PHQ-9 down a few points. Plan: keep walks going, build social contact gently.',
      },
    ],
    nextBooked: true,
    practice: [
      {
        templateId: 'short-outdoor-walk',
        setAt: 0,
        goal: 0,
        whyItMatters: 'When I get outside I feel more like myself and less stuck.',
        whatFeelsDoable: 'Ten minutes round the block after breakfast.',
        days: [1, 2, 3, 4, 5],
        time: '09:30',
        cue: 'after breakfast',
        where: 'round the block',
        barrier: {
          kind: 'low-energy-or-mood',
          barrier: 'I might feel too flat to go',
          ifThen: 'If I feel too flat, then I will just walk to the end of the road and back.',
        },
        backupPlan: 'Stand in the garden for five minutes.',
        confidence: 7,
        importance: 8,
        reminderPlace: 'my shoes by the front door',
        practised: ['yes', 'no', 'yes', 'partly', 'yes', 'no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 80,
          happened: 'Walked on four mornings. Tuesday I stayed in bed, and Saturday it rained.',
          learned: 'The first five minutes are the hardest; after that I quite like it.',
          wins: 'Said hello to a neighbour I had not seen for months.',
          barriersMet: [{ kind: 'low-energy-or-mood', note: 'Tuesday felt heavy from the start.' }],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 2,
          decision: 'step-up',
          decisionReason: 'It is working, and she would like to walk a bit further.',
        },
      },
      {
        templateId: 'short-outdoor-walk',
        setAt: 1,
        continues: { practice: 0, decision: 'step-up' },
        goal: 0,
        whyItMatters: 'I feel better on the days I walk, and the allotment is my place.',
        whatFeelsDoable: 'Walking to the allotment, even if I only stay a minute.',
        days: [1, 2, 3, 4, 5, 6],
        time: '09:30',
        cue: 'after breakfast',
        where: 'to the allotment and back',
        barrier: {
          kind: 'chaotic-week',
          barrier: 'My partner’s shifts change',
          ifThen: 'If the morning is taken, then I will walk after lunch instead.',
        },
        backupPlan: 'Ten minutes round the block, as before.',
        confidence: 7,
        importance: 8,
        reminderPlace: 'my shoes by the front door',
        practised: ['yes', 'yes', 'partly', 'yes', 'yes', 'no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 85,
          happened: 'Got to the allotment five times and did some weeding twice.',
          learned: 'Having somewhere to walk to makes it feel worth it.',
          wins: 'Picked the last of the beans and gave some to next door.',
          barriersMet: [],
          ifThenPlan: 'not-needed',
          helpful: 4,
          hard: 1,
          decision: 'continue',
          decisionReason: 'Keep it going as it is; it has become part of the day.',
        },
      },
      {
        templateId: 'reaching-out-to-one-friend',
        setAt: 2,
        goal: 1,
        whyItMatters: 'I miss Jess. I have been hiding because I feel embarrassed about work.',
        whatFeelsDoable: 'A short message, not a phone call yet.',
        days: [3],
        time: null,
        cue: 'after my walk',
        where: 'on the bench at the allotment',
        barrier: {
          kind: 'feelings-or-avoidance',
          barrier: 'I might put it off because I feel ashamed',
          ifThen: 'If I notice I am putting it off, then I will send the first line I wrote.',
        },
        backupPlan: 'Send a photo of the allotment with one line.',
        confidence: 6,
        importance: 9,
        reminderPlace: 'a note in my phone',
        practised: ['no', 'no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 100,
          happened: 'Sent Jess a message on Wednesday. She replied that evening and wants to meet.',
          learned: 'The worry beforehand was much bigger than the thing itself.',
          wins: 'We have a coffee planned for next week.',
          barriersMet: [{ kind: 'feelings-or-avoidance', note: 'Nearly deleted it twice.' }],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 3,
          decision: 'completed',
          decisionReason: 'It did its job: they are back in touch.',
        },
      },
      {
        templateId: 'one-small-values-based-action',
        setAt: 3,
        goal: 1,
        whyItMatters: 'Being a good friend matters to me, even when I feel low.',
        whatFeelsDoable: 'Keeping the coffee with Jess, and asking her how she is.',
        days: [4],
        time: '11:00',
        cue: 'on Thursday morning',
        where: 'the café by the station',
        barrier: {
          kind: 'feelings-or-avoidance',
          barrier: 'I might want to cancel on the day',
          ifThen: 'If I want to cancel, then I will go for twenty minutes and then decide.',
        },
        backupPlan: 'Call her instead for ten minutes.',
        confidence: 7,
        importance: 9,
        reminderPlace: 'the calendar on the fridge',
        practised: ['yes', 'no'],
      },
    ],
  },
  {
    name: 'Theo Brandt',
    status: 'active',
    privateNotes:
      'Panic attacks on public transport for two years, now avoids the bus to work and drives or walks. Works in a bakery. Physical causes ruled out by GP. No other concerns.',
    goals: [
      {
        clientWords: 'Take the bus to work on my own',
        whyItMatters: 'It would give me back twenty minutes every morning.',
        status: 'active',
      },
      {
        clientWords: 'Understand what happens in my body when I panic',
        whyItMatters: 'It feels less scary when I know what it is.',
        status: 'achieved',
      },
    ],
    hour: 16,
    minute: 30,
    sessions: [
      {
        topics: ['What panic is', 'The last time on the bus'],
        summaryForClient:
          'We went through what happens in the body during panic and why it feels so alarming. You will keep a short diary of anxious moments this week.',
        privateNotes:
          'Classic panic cycle; catastrophic reading of heart rate. Psychoeducation given.',
      },
      {
        topics: ['The anxiety diary', 'Patterns'],
        summaryForClient:
          'Your diary showed the worry starts well before the bus: while you wait at the stop. We drew up a ladder of steps, starting with the stop itself.',
        privateNotes: 'Good monitoring. Anticipatory anxiety prominent. Built hierarchy together.',
      },
      {
        topics: ['Waiting at the stop', 'Staying with the feeling'],
        summaryForClient:
          'You waited at the stop three times and let two buses go by. The anxiety came down each time you stayed. Next: one stop on a quiet bus.',
        privateNotes:
          'Habituation within and across trials. Some safety behaviour (holding water bottle).',
      },
      {
        topics: ['One stop on the bus', 'Dropping the water bottle'],
        summaryForClient:
          'You rode one stop twice, and once without the water bottle. It was hard and you did it. We will keep going with two stops.',
        privateNotes: 'Good progress; motivated. Continue graded exposure, fade safety behaviours.',
      },
    ],
    nextBooked: true,
    practice: [
      {
        templateId: 'panic-anxiety-self-monitoring',
        setAt: 0,
        goal: 1,
        whyItMatters: 'I want to see the pattern instead of just feeling swept along.',
        whatFeelsDoable: 'Two lines in the notes app whenever it happens.',
        days: [1, 2, 3, 4, 5, 6, 7],
        time: null,
        cue: 'when I notice my heart speeding up',
        where: 'wherever I am',
        barrier: {
          kind: 'forgot',
          barrier: 'I might forget in the moment',
          ifThen: 'If I forget, then I will write it down at lunch.',
        },
        backupPlan: 'One word for the feeling and the time.',
        confidence: 8,
        importance: 7,
        reminderPlace: 'my phone’s lock screen',
        practised: ['yes', 'yes', 'partly', 'yes', 'no', 'yes', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 90,
          happened: 'Wrote down six anxious moments. Four were before getting on anything.',
          learned: 'The worst bit is the waiting, not the bus.',
          wins: 'Noticed a panic pass on its own within ten minutes.',
          barriersMet: [{ kind: 'forgot', note: 'Missed Friday; it was a long shift.' }],
          ifThenPlan: 'helped-a-little',
          helpful: 3,
          hard: 1,
          decision: 'completed',
          decisionReason: 'We have what we need to start the steps.',
        },
      },
      {
        templateId: 'graded-exposure-feared-situation',
        setAt: 1,
        goal: 0,
        whyItMatters: 'I want the bus to be an ordinary thing again.',
        whatFeelsDoable: 'Standing at the stop until the anxiety drops by half.',
        days: [1, 3, 5],
        time: '07:30',
        cue: 'on my way to work',
        where: 'the stop on Mill Road',
        barrier: {
          kind: 'feelings-or-avoidance',
          barrier: 'I might walk off when it peaks',
          ifThen: 'If I want to leave, then I will wait for one more bus to pass first.',
        },
        backupPlan: 'Stand at the stop for five minutes.',
        confidence: 6,
        importance: 9,
        reminderPlace: 'a note on the front door',
        practised: ['yes', 'no', 'yes', 'no', 'partly'],
        review: {
          outcome: 'some-of-it',
          percentDone: 70,
          happened: 'Waited at the stop three times. The third time I left a bit early.',
          learned: 'It does come down if I stay. It took about fifteen minutes.',
          wins: 'Let two buses go by without running off.',
          barriersMet: [
            { kind: 'feelings-or-avoidance', note: 'Left early on Friday when it got busy.' },
          ],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 3,
          decision: 'step-up',
          decisionReason: 'Ready for the next rung: one stop on a quiet bus.',
        },
      },
      {
        templateId: 'graded-exposure-feared-situation',
        setAt: 2,
        continues: { practice: 1, decision: 'step-up' },
        goal: 0,
        whyItMatters: 'I want the bus to be an ordinary thing again.',
        whatFeelsDoable: 'One stop on the 7:40, which is usually quiet.',
        days: [1, 3, 5],
        time: '07:40',
        cue: 'on my way to work',
        where: 'the number 4, one stop',
        barrier: {
          kind: 'feelings-or-avoidance',
          barrier: 'I might hold on to the water bottle the whole way',
          ifThen:
            'If I reach for the bottle, then I will put it back in my bag and breathe out slowly.',
        },
        backupPlan: 'Wait at the stop as before.',
        confidence: 5,
        importance: 9,
        reminderPlace: 'a note on the front door',
        practised: ['yes', 'no', 'yes', 'no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 100,
          happened: 'Rode one stop on three mornings. Once without the bottle.',
          learned: 'My heart races and then settles, and nothing bad happens.',
          wins: 'Got to work on time without the car for the first time in two years.',
          barriersMet: [],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 3,
          decision: 'step-up',
          decisionReason: 'Two stops next, and leaving the bottle at home.',
        },
      },
      {
        templateId: 'graded-exposure-feared-situation',
        setAt: 3,
        continues: { practice: 2, decision: 'step-up' },
        goal: 0,
        whyItMatters: 'I want the bus to be an ordinary thing again.',
        whatFeelsDoable: 'Two stops, with the bottle left at home.',
        days: [1, 3, 5],
        time: '07:40',
        cue: 'on my way to work',
        where: 'the number 4, two stops',
        barrier: {
          kind: 'plan-did-not-fit-day',
          barrier: 'An early shift might clash',
          ifThen: 'If I am on an early, then I will do it on the way home instead.',
        },
        backupPlan: 'One stop, as last week.',
        confidence: 6,
        importance: 9,
        reminderPlace: 'a note on the front door',
        practised: ['yes', 'no'],
      },
    ],
  },
  {
    name: 'Ines Calloway',
    status: 'active',
    privateNotes:
      'Insomnia for a year, since starting night shifts (now back on days). Lies awake worrying about sleep itself. Two young children. No concerns about mood beyond tiredness.',
    goals: [
      {
        clientWords: 'Fall asleep without lying there for hours',
        whyItMatters: 'I want to have patience with the kids in the morning.',
        status: 'active',
      },
    ],
    hour: 13,
    minute: 0,
    sessions: [
      {
        topics: ['How nights go now', 'What sleep needs'],
        summaryForClient:
          'We talked about how the body clock was thrown by the night shifts and how worry keeps you awake. A sleep diary will show us where to start.',
        privateNotes: 'Sleep-onset insomnia, conditioned arousal. Diary first.',
      },
      {
        topics: ['The sleep diary', 'Regular times'],
        summaryForClient:
          'Your diary showed very different bedtimes and a long time awake in bed. We agreed on steady times for waking, a meal and bed.',
        privateNotes:
          'Irregular schedule; sleep efficiency low. Routine anchors before anything stricter.',
      },
      {
        topics: ['Steady times', 'Getting up when awake'],
        summaryForClient:
          'Getting up at the same time was hard at the weekend and easier in the week. We added one more piece: getting up if you are awake for a long time.',
        privateNotes:
          'Partial adherence. Introduced stimulus control gently; she was worried about being more tired.',
      },
      {
        topics: ['How the week went', 'Being kind about the hard nights'],
        summaryForClient:
          'You fell asleep more quickly on four nights. We will keep the same plan and see how it settles.',
        privateNotes:
          'Sleep onset improving. Keep going; review in two weeks whether compression is needed.',
      },
    ],
    nextBooked: true,
    practice: [
      {
        templateId: 'sleep-diary',
        setAt: 0,
        goal: 0,
        whyItMatters: 'I want to know what is really going on at night.',
        whatFeelsDoable: 'Filling it in with my morning tea.',
        days: [1, 2, 3, 4, 5, 6, 7],
        time: '07:15',
        cue: 'with my morning tea',
        where: 'at the kitchen table',
        barrier: {
          kind: 'no-time',
          barrier: 'Mornings with the kids are rushed',
          ifThen: 'If the morning is too busy, then I will fill it in at lunch.',
        },
        backupPlan: 'Just the times, no notes.',
        confidence: 8,
        importance: 8,
        reminderPlace: 'the diary next to the kettle',
        practised: ['yes', 'yes', 'yes', 'partly', 'yes', 'yes', 'no'],
        review: {
          outcome: 'did-it',
          percentDone: 90,
          happened: 'Filled it in six mornings out of seven.',
          learned: 'My bedtime is all over the place, and I lie awake longest on Sundays.',
          wins: '',
          barriersMet: [{ kind: 'no-time', note: 'Sunday morning was swimming lessons.' }],
          ifThenPlan: 'not-used',
          helpful: 3,
          hard: 1,
          decision: 'completed',
          decisionReason: 'The diary has shown us the pattern.',
        },
      },
      {
        templateId: 'daily-routine-anchors',
        setAt: 1,
        goal: 0,
        whyItMatters: 'Steady times might help my body know when to sleep.',
        whatFeelsDoable: 'Up at 6:45 every day, even at the weekend.',
        days: [1, 2, 3, 4, 5, 6, 7],
        time: '06:45',
        cue: 'my alarm, on the other side of the room',
        where: 'at home',
        barrier: {
          kind: 'low-energy-or-mood',
          barrier: 'I will be tired after a bad night',
          ifThen:
            'If I had a bad night, then I will still get up and have a short rest after lunch.',
        },
        backupPlan: 'Up by 7:30 at the latest.',
        confidence: 6,
        importance: 8,
        reminderPlace: 'the alarm clock',
        practised: ['yes', 'yes', 'yes', 'yes', 'partly', 'no', 'yes'],
        review: {
          outcome: 'some-of-it',
          percentDone: 75,
          happened: 'Up on time in the week; Saturday I slept until nine.',
          learned: 'The weekend lie-in makes Sunday night worse.',
          wins: 'Fell asleep within half an hour on Thursday.',
          barriersMet: [{ kind: 'other-people', note: 'A late family birthday on Friday.' }],
          ifThenPlan: 'helped-a-little',
          helpful: 3,
          hard: 2,
          decision: 'continue',
          decisionReason: 'Keep the same times; the weekdays are already working.',
        },
      },
      {
        templateId: 'bed-for-sleep-only',
        setAt: 2,
        goal: 0,
        whyItMatters: 'I want bed to feel like a place for sleep again, not for worrying.',
        whatFeelsDoable: 'Getting up if I am awake for what feels like twenty minutes.',
        days: [1, 2, 3, 4, 5, 6, 7],
        time: '22:45',
        cue: 'when I notice I am wide awake',
        where: 'the sofa, with a dull book',
        barrier: {
          kind: 'low-energy-or-mood',
          barrier: 'It will be cold and I will not want to get up',
          ifThen: 'If it is cold, then I will take the blanket from the chair.',
        },
        backupPlan: 'Sit up and read by the bedside lamp.',
        confidence: 5,
        importance: 8,
        reminderPlace: 'the blanket on the chair',
        practised: ['yes', 'partly', 'yes', 'yes', 'no', 'yes', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 80,
          happened: 'Got up on three nights. Fell asleep quicker on four nights.',
          learned: 'Getting up feels wrong but it works.',
          wins: 'Had the patience to read the children two stories on Wednesday.',
          barriersMet: [{ kind: 'low-energy-or-mood', note: 'Monday I just could not face it.' }],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 3,
          decision: 'continue',
          decisionReason: 'It is helping; give it another week to settle.',
        },
      },
    ],
  },
  {
    name: 'Priya Ashdown',
    status: 'active',
    privateNotes:
      'Generalised worry, mostly about her parents’ health and money. Works as a school administrator. Good support from her sister. No concerns raised.',
    goals: [
      {
        clientWords: 'Worry less in the evenings',
        whyItMatters:
          'The evenings are when I could rest, and I spend them going round in circles.',
        status: 'active',
      },
      {
        clientWords: 'Go back to my choir',
        whyItMatters: 'Singing is the one time my head is quiet.',
        status: 'active',
      },
    ],
    hour: 11,
    minute: 30,
    sessions: [
      {
        topics: ['What worry does for you', 'The evenings'],
        summaryForClient:
          'We looked at how worry feels helpful, like being prepared, and how much of the evening it takes. We agreed to try putting worries off to a set time.',
        privateNotes: 'Positive beliefs about worry. Worry postponement introduced.',
      },
      {
        topics: ['Worry time', 'What was on the list'],
        summaryForClient:
          'Most of the worries you wrote down felt smaller by worry time. You kept the time on four days.',
        privateNotes: 'Good uptake. Noticed many worries "resolved themselves". Continue.',
      },
      {
        topics: ['Worry time going well', 'Choir'],
        summaryForClient:
          'Worry time is helping the evenings. You would like to go back to choir, and we planned how to make the first evening easier.',
        privateNotes: 'Avoidance of choir linked to worry about leaving parents. Values work next.',
      },
      {
        topics: ['Back at choir', 'Keeping worry time'],
        summaryForClient:
          'You went to choir and loved it, although you nearly stayed home. We will keep worry time going.',
        privateNotes: 'Mood and worry improved. Plan to taper sessions after next review.',
      },
    ],
    nextBooked: true,
    practice: [
      {
        templateId: 'scheduled-worry-time',
        setAt: 0,
        goal: 0,
        whyItMatters: 'I want my evenings back.',
        whatFeelsDoable: 'Fifteen minutes at six, and writing worries down until then.',
        days: [1, 2, 3, 4, 5],
        time: '18:00',
        cue: 'after I get home and put the kettle on',
        where: 'the armchair by the window',
        barrier: {
          kind: 'feelings-or-avoidance',
          barrier: 'A big worry might feel too urgent to wait',
          ifThen: 'If a worry feels urgent, then I will ask: can I do anything about it right now?',
        },
        backupPlan: 'Write the worry down and look at it tomorrow.',
        confidence: 6,
        importance: 9,
        reminderPlace: 'a small notebook in my bag',
        practised: ['yes', 'partly', 'yes', 'yes', 'no', 'yes'],
        review: {
          outcome: 'some-of-it',
          percentDone: 70,
          happened: 'Kept worry time on four days. On Tuesday I worried all evening anyway.',
          learned: 'Most worries look smaller by six o’clock.',
          wins: 'Watched a whole film with my sister without checking my phone.',
          barriersMet: [
            { kind: 'other-people', note: 'Dad had a hospital appointment on Tuesday.' },
          ],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 2,
          decision: 'continue',
          decisionReason: 'It is already helping; keep the same time.',
        },
      },
      {
        templateId: 'clarifying-one-value',
        setAt: 1,
        goal: 1,
        whyItMatters: 'I have forgotten what I do just for me.',
        whatFeelsDoable: 'Writing a few lines about what singing gives me.',
        days: [6],
        time: null,
        cue: 'on Saturday morning',
        where: 'at the kitchen table',
        barrier: {
          kind: 'unsure-why-it-helps',
          barrier: 'It might feel selfish',
          ifThen: 'If it feels selfish, then I will remember that I am kinder when I am rested.',
        },
        backupPlan: 'One sentence is enough.',
        confidence: 8,
        importance: 7,
        reminderPlace: 'a note on the fridge',
        practised: ['no', 'no', 'no', 'no', 'no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 100,
          happened: 'Wrote half a page about choir and what it used to give me.',
          learned: 'Singing with others is the one place I feel part of something.',
          wins: 'Emailed the choir leader to ask if I could come back.',
          barriersMet: [],
          ifThenPlan: 'not-needed',
          helpful: 4,
          hard: 1,
          decision: 'completed',
          decisionReason: 'She knows what she wants to do next.',
        },
      },
      {
        templateId: 'one-small-values-based-action',
        setAt: 2,
        goal: 1,
        whyItMatters: 'Singing is the one time my head is quiet.',
        whatFeelsDoable: 'Going to Tuesday’s rehearsal, and leaving at the break if I need to.',
        days: [2],
        time: '19:30',
        cue: 'after tea on Tuesday',
        where: 'the church hall',
        barrier: {
          kind: 'other-people',
          barrier: 'I might feel I should be with my parents',
          ifThen: 'If I feel guilty, then I will call Mum on the way home.',
        },
        backupPlan: 'Sing along to the recording at home.',
        confidence: 6,
        importance: 9,
        reminderPlace: 'the sheet music by the door',
        practised: ['no', 'yes'],
        review: {
          outcome: 'did-it',
          percentDone: 100,
          happened: 'Went to choir and stayed until the end.',
          learned: 'Mum was glad I went. The guilt was mine, not hers.',
          wins: 'Sang the alto part of the new piece all the way through.',
          barriersMet: [{ kind: 'other-people', note: 'Nearly stayed home when Dad called.' }],
          ifThenPlan: 'helped',
          helpful: 4,
          hard: 2,
          decision: 'continue',
          decisionReason: 'Keep going every Tuesday.',
        },
      },
    ],
  },
  {
    name: 'Jonah Fairweather',
    status: 'paused',
    privateNotes:
      'Harsh self-criticism after a difficult year at university. Paused therapy for exams, by his choice; plans to come back in the new year. No concerns at the last check.',
    goals: [
      {
        clientWords: 'Be kinder to myself after a bad day',
        whyItMatters: 'I would never speak to a friend the way I speak to myself.',
        status: 'paused',
      },
    ],
    hour: 15,
    minute: 0,
    sessions: [
      {
        topics: ['The inner critic', 'Where it comes from'],
        summaryForClient:
          'We talked about the critical voice and how hard it pushes you. You noticed it sounds like it is trying to protect you from failing.',
        privateNotes:
          'High self-criticism, perfectionism. Compassion-focused rationale introduced.',
      },
      {
        topics: ['A kind pause', 'Exams coming up'],
        summaryForClient:
          'You tried the kind pause twice and found it odd at first. We agreed to keep it very short.',
        privateNotes: 'Ambivalent about self-compassion ("soft"). Normalised.',
      },
      {
        topics: ['How the kind pause went', 'Taking a break for exams'],
        summaryForClient:
          'The kind pause helped on a hard evening. You would like to pause our sessions during exams and come back after.',
        privateNotes:
          'Agreed pause. Crisis numbers given as routine; he knows how to get back in touch.',
      },
      {
        topics: ['Plan for the break'],
        summaryForClient:
          'We wrote down what to keep doing during exams: the kind pause, sleep and one walk a day. See you in the new year.',
        privateNotes: 'Planned break. Practice paused rather than stopped.',
      },
    ],
    nextBooked: false,
    practice: [
      {
        templateId: 'self-compassion-break',
        setAt: 1,
        goal: 0,
        whyItMatters: 'I would never speak to a friend the way I speak to myself.',
        whatFeelsDoable: 'A hand on my chest and one kind sentence.',
        days: [1, 2, 3, 4, 5, 6, 7],
        time: null,
        cue: 'when I notice I am calling myself stupid',
        where: 'wherever I am',
        barrier: {
          kind: 'did-not-agree-it-helps',
          barrier: 'It might feel soppy',
          ifThen: 'If it feels soppy, then I will say it the way my best friend would.',
        },
        backupPlan: 'Just notice the critical thought and name it.',
        confidence: 5,
        importance: 7,
        reminderPlace: 'a dot on my watch strap',
        practised: ['no', 'yes', 'no', 'yes', 'no', 'no', 'yes'],
        review: {
          outcome: 'something-different',
          percentDone: 40,
          happened: 'Did it three times, once in my own words instead of the script.',
          learned: 'It works better when it sounds like me.',
          wins: 'Stopped revising at ten one night instead of midnight.',
          barriersMet: [
            { kind: 'did-not-agree-it-helps', note: 'The words felt fake at first.' },
            { kind: 'no-time', note: 'Exam timetable came out.' },
          ],
          ifThenPlan: 'helped-a-little',
          helpful: 3,
          hard: 2,
          decision: 'pause',
          decisionReason: 'Pausing with therapy over exams; he will keep it going if it helps.',
        },
      },
    ],
  },
];
