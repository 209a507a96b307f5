import { Document, Text, View } from '@react-pdf/renderer';
import type { SessionSummaryModel } from '../../src-shared/domain/handout';
import { type DocumentOptions, ink, measuresFor } from './document-style';
import { DocumentPage, Labelled, Paragraphs, Section, TitleBlock } from './parts';

/**
 * The summary of a session (`sessionSummaryOf`): what was talked about, in the words written for
 * the client, and the practice agreed — each piece with its plan and smallest version.
 */
export function SessionSummaryDocument({
  model,
  options,
}: {
  model: SessionSummaryModel;
  options: DocumentOptions;
}) {
  const measures = measuresFor(options);
  return (
    <Document title={model.fileNameStem} language="en" creator="" producer="">
      <DocumentPage header={model.header} footer={model.nextMeeting} measures={measures}>
        <TitleBlock
          eyebrow={model.eyebrow}
          title={model.title}
          under={model.date}
          measures={measures}
        />
        {model.summary && (
          <Section heading={model.summary.heading} measures={measures}>
            <Paragraphs text={model.summary.text} measures={measures} />
          </Section>
        )}
        {model.practice && (
          <Section heading={model.practice.heading} measures={measures}>
            {model.practice.items.map((item, index) => (
              <View
                key={index}
                wrap={false}
                style={{
                  backgroundColor: ink.tint,
                  borderRadius: 6,
                  paddingVertical: measures.gap * 0.7,
                  paddingHorizontal: measures.gap,
                  marginBottom: measures.gap * 0.6,
                }}
              >
                <Text style={{ fontWeight: 600, fontSize: measures.body * 1.1 }}>{item.title}</Text>
                {item.plan !== '' && <Text style={{ marginTop: 4 }}>{item.plan}</Text>}
                <Labelled
                  label="The smallest version that still counts"
                  value={item.smallest}
                  measures={measures}
                />
              </View>
            ))}
          </Section>
        )}
      </DocumentPage>
    </Document>
  );
}
