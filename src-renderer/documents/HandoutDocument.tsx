import { Document, Text, View } from '@react-pdf/renderer';
import type { HandoutModel } from '../../src-shared/domain/handout';
import { type DocumentOptions, ink, type Measures, measuresFor } from './document-style';
import {
  DocumentPage,
  Heading,
  Labelled,
  Paragraphs,
  Section,
  TitleBlock,
  WritingLines,
} from './parts';
import { TrackerPages } from './TrackerPages';

/**
 * The handout of one assignment, from its model (`handoutOf`): the week's practice on one or two
 * pages — why it matters, what to do, my plan, the smallest version, if-then plans and the
 * backup plan — then the tracker grid and the worksheet pages, each starting a page of its own.
 * The next meeting is at the foot of every page. Parts the model leaves out are not printed.
 */
export function HandoutDocument({
  model,
  options,
}: {
  model: HandoutModel;
  options: DocumentOptions;
}) {
  const measures = measuresFor(options);
  const pageProps = { header: model.header, footer: model.nextMeeting, measures };
  return (
    <Document title={model.fileNameStem} language="en" creator="" producer="">
      <DocumentPage {...pageProps}>
        <TitleBlock
          eyebrow={model.eyebrow}
          title={model.title}
          under={model.dates}
          measures={measures}
        />
        <WhyItMatters model={model} measures={measures} />
        {model.steps && (
          <Section heading={model.steps.heading} measures={measures}>
            {model.steps.items.map((step, index) => (
              <NumberedStep key={index} number={index + 1} text={step} measures={measures} />
            ))}
          </Section>
        )}
        <MyPlan model={model} measures={measures} />
        <WhenItsHard model={model} measures={measures} />
        <IfThen model={model} measures={measures} />
        {isBare(model) && (
          <Section heading="Notes" measures={measures}>
            <WritingLines count={measures.large ? 12 : 16} measures={measures} />
          </Section>
        )}
      </DocumentPage>
      {model.tracker && (
        <TrackerPages
          grid={model.tracker}
          header={model.header}
          footer={model.nextMeeting}
          measures={measures}
        />
      )}
      {model.worksheet && (
        <DocumentPage {...pageProps}>
          <Heading measures={measures}>{model.worksheet.heading}</Heading>
          <Text style={{ color: ink.muted, marginBottom: measures.gap }}>
            {model.worksheet.intro}
          </Text>
          {model.worksheet.prompts.map((prompt, index) => (
            <View key={index} wrap={false} style={{ marginBottom: measures.gap * 1.2 }}>
              <Text style={{ fontWeight: 600 }}>{prompt}</Text>
              <WritingLines
                count={linesPerPrompt(model.worksheet?.prompts.length ?? 1, measures)}
                measures={measures}
              />
            </View>
          ))}
        </DocumentPage>
      )}
    </Document>
  );
}

/**
 * Whether the first page has nothing under its title (every optional part empty): it then gets
 * lines for notes, so it still reads as a page made on purpose.
 */
function isBare(model: HandoutModel): boolean {
  return !model.why && !model.steps && !model.plan && !model.smallest && !model.ifThen;
}

/** Lines to write on under each prompt: enough to fill a page with a few prompts. */
function linesPerPrompt(prompts: number, measures: Measures): number {
  const lines = prompts <= 2 ? 8 : prompts === 3 ? 6 : prompts === 4 ? 5 : 4;
  return measures.large ? Math.max(3, lines - 2) : lines;
}

function WhyItMatters({ model, measures }: { model: HandoutModel; measures: Measures }) {
  const why = model.why;
  if (!why) return null;
  return (
    <Section heading={why.heading} measures={measures}>
      {why.words !== '' && (
        <View
          style={{
            borderLeftWidth: 3,
            borderLeftColor: ink.rule,
            paddingLeft: 12,
            marginBottom: measures.body * 0.6,
          }}
        >
          <Paragraphs text={why.words} measures={measures} />
        </View>
      )}
      {why.goals.length === 1 && (
        <View style={{ marginBottom: measures.body * 0.6 }}>
          <Labelled label="It’s a step towards" value={why.goals[0] ?? ''} measures={measures} />
        </View>
      )}
      {why.goals.length > 1 && (
        <View style={{ marginBottom: measures.body * 0.6 }}>
          <Text style={{ fontWeight: 600, color: ink.muted }}>
            It’s a step towards each of these
          </Text>
          {why.goals.map((goal, index) => (
            <Bullet key={index} text={goal} measures={measures} />
          ))}
        </View>
      )}
      {why.howItHelps !== '' && <Paragraphs text={why.howItHelps} measures={measures} />}
    </Section>
  );
}

function MyPlan({ model, measures }: { model: HandoutModel; measures: Measures }) {
  const plan = model.plan;
  if (!plan) return null;
  return (
    <View
      wrap={false}
      style={{
        backgroundColor: ink.tint,
        borderRadius: 6,
        paddingVertical: measures.gap * 0.8,
        paddingHorizontal: measures.gap,
        marginTop: measures.gap,
      }}
    >
      <Heading measures={measures}>{plan.heading}</Heading>
      {plan.sentence !== '' && (
        <Text style={{ fontSize: measures.heading, lineHeight: 1.45 }}>{plan.sentence}</Text>
      )}
      <View style={{ marginTop: plan.sentence !== '' ? measures.body * 0.5 : 0 }}>
        <Labelled label="How much" value={plan.howMuch} measures={measures} />
        <Labelled label="This week’s step" value={plan.thisWeeksStep} measures={measures} />
        <Labelled label="My reminder" value={plan.reminder} measures={measures} />
      </View>
    </View>
  );
}

/**
 * The smallest version that still counts and the backup plan, side by side: the two ways the
 * week can still go well when it is hard. One alone takes the whole width.
 */
function WhenItsHard({ model, measures }: { model: HandoutModel; measures: Measures }) {
  const cards = [
    model.smallest && { heading: model.smallest.heading, text: model.smallest.text },
    model.ifThen?.backup && { heading: model.ifThen.backupHeading, text: model.ifThen.backup },
  ].filter((card) => !!card);
  if (cards.length === 0) return null;
  return (
    <View
      wrap={false}
      style={{ flexDirection: 'row', gap: measures.gap * 0.8, marginTop: measures.gap }}
    >
      {cards.map((card) => (
        <View
          key={card.heading}
          style={{
            flex: 1,
            borderWidth: 1,
            borderColor: ink.rule,
            borderRadius: 6,
            paddingVertical: measures.gap * 0.7,
            paddingHorizontal: measures.gap * 0.9,
          }}
        >
          <Heading measures={measures}>{card.heading}</Heading>
          <Paragraphs text={card.text} measures={measures} />
        </View>
      ))}
    </View>
  );
}

function IfThen({ model, measures }: { model: HandoutModel; measures: Measures }) {
  const plans = model.ifThen?.plans ?? [];
  if (!model.ifThen || plans.length === 0) return null;
  return (
    <Section heading={model.ifThen.heading} measures={measures}>
      {plans.map((plan, index) => (
        <View
          key={index}
          wrap={false}
          style={{ flexDirection: 'row', gap: measures.gap, marginBottom: measures.body * 0.5 }}
        >
          <Text style={{ width: '32%', fontWeight: 600, color: ink.muted }}>{plan.barrier}</Text>
          <Text style={{ flex: 1 }}>{plan.ifThen}</Text>
        </View>
      ))}
    </Section>
  );
}

function NumberedStep({
  number,
  text,
  measures,
}: {
  number: number;
  text: string;
  measures: Measures;
}) {
  const size = measures.body * 1.55;
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginBottom: measures.body * 0.5 }}>
      <View
        style={{
          width: size,
          height: size,
          borderRadius: size / 2,
          borderWidth: 1,
          borderColor: ink.accent,
          marginRight: 10,
          // Centred on the first line of the step.
          marginTop: (measures.body * measures.leading - size) / 2,
        }}
      >
        <Text
          style={{
            width: size - 2,
            fontSize: measures.small,
            fontWeight: 600,
            color: ink.accent,
            textAlign: 'center',
            // A line as tall as the ring centres the digits in it (Noto Sans's ascent and
            // descent put a digit's middle close to the middle of its line).
            lineHeight: (size - 4) / measures.small,
          }}
        >
          {String(number)}
        </Text>
      </View>
      <Text style={{ flex: 1 }}>{text}</Text>
    </View>
  );
}

export function Bullet({ text, measures }: { text: string; measures: Measures }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginTop: measures.body * 0.25 }}>
      <Text style={{ width: 14, color: ink.accent }}>•</Text>
      <Text style={{ flex: 1 }}>{text}</Text>
    </View>
  );
}
