import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import {
  type HandoutModel,
  handoutTexts,
  type TrackerGrid,
  type TrackerModel,
  trackerTexts,
} from '../../src-shared/domain/handout';
import { PHONE_PAGE } from '../../src-shared/domain/phone-tracker-layout';
import { ink, pageStyle, phoneMeasures as measures } from './document-style';
import { Heading, Labelled, Paragraphs, Section, TitleBlock } from './parts';
import { PhoneTrackerPages, phoneTrackerTexts } from './PhoneTrackerPages';

/**
 * The handout laid out for a phone: narrow pages (`PHONE_PAGE`) with large type and one idea on
 * each — first the title, the plan and the smallest version; then why it matters, what to do,
 * if-then plans and the backup plan, the reminder and the next meeting with how to keep track;
 * then the tracker, a page per few days (`PhoneTrackerPages`). Made from the same allow-list
 * models as the printed handout, so it says nothing the printed one could not. A page whose idea
 * is longer than the page flows on to the next; nothing is cut. The tracker's pages are always
 * the document's last pages (`phoneTrackerLayoutOf(model.tracker).length` of them), so a form
 * can be laid over them by counting from the end.
 */

/** What the phone handout prints: the handout's words, and the tracker's days and columns. */
export type PhoneHandoutModel = {
  /** A default file name without extension (the handout's, marked as the phone's). */
  fileNameStem: string;
  handout: HandoutModel;
  /** The days and columns of the tracker pages (no columns: just the boxes and a note). */
  tracker: TrackerGrid;
};

/**
 * The phone handout of an assignment, from its handout and its tracker on its own (both made
 * with the same choices): the handout's tracker when the client chose what to note, or else the
 * tracker's days with no columns — the phone's "Did it", "Some of it" and note are enough.
 */
export function phoneHandoutOf(handout: HandoutModel, tracker: TrackerModel): PhoneHandoutModel {
  return {
    fileNameStem: `${handout.fileNameStem} (phone)`,
    handout,
    tracker: handout.tracker ?? { ...tracker.tracker, columns: [] },
  };
}

/** Every text the phone handout prints from its model (for font checks and tests). */
export function phoneHandoutTexts(model: PhoneHandoutModel): string[] {
  return [
    ...handoutTexts(model.handout),
    ...trackerTexts(model.tracker),
    ...phoneTrackerTexts(model.tracker),
    ...Object.values(phoneLabels),
  ].filter((text) => text !== '');
}

/** The fixed words of the phone pages that are not the handout's headings. */
const phoneLabels = {
  forYou: 'For',
  howMuch: 'How much',
  step: 'This week’s step',
  reminder: 'My reminder',
  untilNextTime: 'Until next time',
} as const;

/** The phone handout. */
export function PhoneHandoutDocument({ model }: { model: PhoneHandoutModel }) {
  const { handout, tracker } = model;
  return (
    <Document title={model.fileNameStem} language="en" creator="" producer="">
      <PhonePage>
        <PhoneHeader model={handout} />
        <TitleBlock
          eyebrow={handout.eyebrow}
          title={handout.title}
          under={handout.dates}
          measures={measures}
        />
        <PlanCard model={handout} />
        <SmallestCard model={handout} />
      </PhonePage>
      <WhyItMattersPage model={handout} />
      <StepsPage model={handout} />
      <IfThenPage model={handout} />
      <NextTimePage model={handout} tracker={tracker} />
      <PhoneTrackerPages grid={tracker} />
    </Document>
  );
}

/** One idea's page: large type, flowing on to another page only when it must. */
function PhonePage({ children }: { children: ReactNode }) {
  return (
    <Page size={[PHONE_PAGE.width, PHONE_PAGE.height]} style={pageStyle(measures)}>
      <View style={{ fontSize: measures.body, lineHeight: measures.leading }}>{children}</View>
    </Page>
  );
}

/** Who it is from and for, small, above the title (only what the model holds). */
function PhoneHeader({ model }: { model: HandoutModel }) {
  const { header } = model;
  const from = [header.practiceName, header.clinicianName].filter((part) => part !== '');
  if (from.length === 0 && header.clientName === '') return null;
  return (
    <View
      style={{
        fontSize: measures.small,
        lineHeight: 1.35,
        color: ink.muted,
        paddingBottom: 6,
        marginBottom: measures.gap,
        borderBottomWidth: 0.75,
        borderBottomColor: ink.rule,
      }}
    >
      {from.length > 0 && <Text>{from.join('  ·  ')}</Text>}
      {header.clientName !== '' && <Text>{`${phoneLabels.forYou} ${header.clientName}`}</Text>}
    </View>
  );
}

/** A card: a tint or an outline, room inside, a space above. */
function Card({ tinted, children }: { tinted: boolean; children: ReactNode }) {
  return (
    <View
      style={{
        marginTop: measures.gap,
        borderRadius: 8,
        paddingVertical: measures.gap * 0.7,
        paddingHorizontal: 14,
        ...(tinted
          ? { backgroundColor: ink.tint }
          : { borderWidth: 1, borderColor: ink.rule, backgroundColor: '#ffffff' }),
      }}
    >
      {children}
    </View>
  );
}

/** "My plan": the sentence, a little larger, then how much and this week's step. */
function PlanCard({ model }: { model: HandoutModel }) {
  const plan = model.plan;
  if (!plan || (plan.sentence === '' && plan.howMuch === '' && plan.thisWeeksStep === '')) {
    return null;
  }
  return (
    <Card tinted>
      <Heading measures={measures}>{plan.heading}</Heading>
      {plan.sentence !== '' && (
        <Text style={{ fontSize: 18, lineHeight: 1.4 }}>{plan.sentence}</Text>
      )}
      <Labelled label={phoneLabels.howMuch} value={plan.howMuch} measures={measures} />
      <Labelled label={phoneLabels.step} value={plan.thisWeeksStep} measures={measures} />
    </Card>
  );
}

/** The smallest version that still counts, in its own card. */
function SmallestCard({ model }: { model: HandoutModel }) {
  if (!model.smallest) return null;
  return (
    <Card tinted={false}>
      <Heading measures={measures}>{model.smallest.heading}</Heading>
      <Paragraphs text={model.smallest.text} measures={measures} />
    </Card>
  );
}

function WhyItMattersPage({ model }: { model: HandoutModel }) {
  const why = model.why;
  if (!why) return null;
  return (
    <PhonePage>
      <Heading measures={measures}>{why.heading}</Heading>
      {why.words !== '' && (
        <View
          style={{
            borderLeftWidth: 3,
            borderLeftColor: ink.rule,
            paddingLeft: 12,
            marginBottom: measures.gap,
          }}
        >
          <Paragraphs text={why.words} measures={measures} />
        </View>
      )}
      {why.goals.length > 0 && (
        <View style={{ marginBottom: measures.gap }}>
          <Text style={{ fontWeight: 600, color: ink.muted }}>
            {why.goals.length === 1 ? 'It’s a step towards' : 'It’s a step towards each of these'}
          </Text>
          {why.goals.map((goal, index) => (
            <Listed key={index} mark="•">
              {goal}
            </Listed>
          ))}
        </View>
      )}
      {why.howItHelps !== '' && <Paragraphs text={why.howItHelps} measures={measures} />}
    </PhonePage>
  );
}

function StepsPage({ model }: { model: HandoutModel }) {
  if (!model.steps) return null;
  return (
    <PhonePage>
      <Heading measures={measures}>{model.steps.heading}</Heading>
      {model.steps.items.map((step, index) => (
        <Listed key={index} mark={`${index + 1}`}>
          {step}
        </Listed>
      ))}
    </PhonePage>
  );
}

/** A line of a list: its mark (a number or a bullet) in the accent, the text beside it. */
function Listed({ mark, children }: { mark: string; children: string }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginTop: measures.body * 0.5 }}>
      <Text style={{ width: 24, fontWeight: 600, color: ink.accent }}>{mark}</Text>
      <Text style={{ flex: 1 }}>{children}</Text>
    </View>
  );
}

function IfThenPage({ model }: { model: HandoutModel }) {
  const ifThen = model.ifThen;
  if (!ifThen) return null;
  return (
    <PhonePage>
      {ifThen.plans.length > 0 && (
        <>
          <Heading measures={measures}>{ifThen.heading}</Heading>
          {ifThen.plans.map((plan, index) => (
            <View key={index} wrap={false} style={{ marginBottom: measures.gap * 0.8 }}>
              {plan.barrier !== '' && (
                <Text style={{ fontWeight: 600, color: ink.muted }}>{plan.barrier}</Text>
              )}
              <Text>{plan.ifThen}</Text>
            </View>
          ))}
        </>
      )}
      {ifThen.backup !== '' &&
        (ifThen.plans.length > 0 ? (
          <Card tinted={false}>
            <Heading measures={measures}>{ifThen.backupHeading}</Heading>
            <Paragraphs text={ifThen.backup} measures={measures} />
          </Card>
        ) : (
          <>
            <Heading measures={measures}>{ifThen.backupHeading}</Heading>
            <Paragraphs text={ifThen.backup} measures={measures} />
          </>
        ))}
    </PhonePage>
  );
}

/** The reminder and the next meeting, then how the tracker's pages work. */
function NextTimePage({ model, tracker }: { model: HandoutModel; tracker: TrackerGrid }) {
  const reminder = model.plan?.reminder ?? '';
  const hasTracker = tracker.rows.length > 0;
  const hasNextTime = reminder !== '' || model.nextMeeting !== '';
  if (!hasNextTime && !hasTracker) return null;
  return (
    <PhonePage>
      {hasNextTime && (
        <>
          <Heading measures={measures}>{phoneLabels.untilNextTime}</Heading>
          <Labelled label={phoneLabels.reminder} value={reminder} measures={measures} />
          {model.nextMeeting !== '' && (
            <Text style={{ marginTop: measures.body * 0.6 }}>{model.nextMeeting}</Text>
          )}
        </>
      )}
      {hasTracker &&
        (hasNextTime ? (
          <Section heading={tracker.heading} measures={measures}>
            <TrackerIntro tracker={tracker} />
          </Section>
        ) : (
          <>
            <Heading measures={measures}>{tracker.heading}</Heading>
            <TrackerIntro tracker={tracker} />
          </>
        ))}
    </PhonePage>
  );
}

function TrackerIntro({ tracker }: { tracker: TrackerGrid }) {
  return (
    <>
      {tracker.intro !== '' && <Text>{tracker.intro}</Text>}
      {tracker.continuesAfter !== '' && (
        <Text style={{ marginTop: measures.body * 0.6, color: ink.muted }}>
          {tracker.continuesAfter}
        </Text>
      )}
    </>
  );
}
