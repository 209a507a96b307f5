import { Document, Text, View } from '@react-pdf/renderer';
import type { TrackerModel } from '../../src-shared/domain/handout';
import {
  contentWidth,
  type DocumentOptions,
  ink,
  type Measures,
  measuresFor,
} from './document-style';
import { Labelled, TitleBlock } from './parts';
import { type TrackerLead, TrackerPages } from './TrackerPages';

/**
 * A tracker printed on its own (`trackerOf`): the title and dates, the plan and the smallest
 * version as a reminder, then the grid — continued over as many pages as the days need.
 */
export function TrackerDocument({
  model,
  options,
}: {
  model: TrackerModel;
  options: DocumentOptions;
}) {
  const measures = measuresFor(options);
  return (
    <Document title={model.fileNameStem} language="en" creator="" producer="">
      <TrackerPages
        grid={model.tracker}
        header={model.header}
        footer={model.nextMeeting}
        measures={measures}
        lead={lead(model, measures)}
      />
    </Document>
  );
}

/** The title, plan and smallest version above the grid, with their height estimated. */
function lead(model: TrackerModel, measures: Measures): TrackerLead {
  const lines = (text: string, size: number) =>
    text === '' ? 0 : Math.ceil((Array.from(text).length * size * 0.55) / contentWidth(measures));
  const height =
    measures.small * 1.5 +
    lines(model.title, measures.title) * measures.title * 1.25 +
    (model.dates === '' ? 0 : measures.body * 1.5 + 6) +
    measures.gap * 1.1 +
    (lines(`I plan: ${model.plan}`, measures.body) +
      lines(`Smallest version: ${model.smallest}`, measures.body)) *
      measures.body *
      measures.leading +
    measures.gap;
  return {
    height,
    content: (
      <>
        <TitleBlock
          eyebrow={model.eyebrow}
          title={model.title}
          under={model.dates}
          measures={measures}
        />
        {(model.plan !== '' || model.smallest !== '') && (
          <View style={{ marginTop: measures.gap * 0.6, marginBottom: measures.gap }}>
            {model.plan !== '' && <Text>{model.plan}</Text>}
            <Labelled
              label="The smallest version that still counts"
              value={model.smallest}
              measures={measures}
            />
          </View>
        )}
        {model.plan === '' && model.smallest === '' && (
          <View style={{ height: 1, borderColor: ink.rule }} />
        )}
      </>
    ),
  };
}
