import { Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { DEMO_FOOTER } from '../../src-shared/domain/demo-vault';
import type { DocumentHeader } from '../../src-shared/domain/handout';
import { ink, type Measures, pageStyle, paper } from './document-style';

/**
 * The pieces every document is built from: the running header and footer, the title, a section
 * with its heading, paragraphs, a checkbox and ruled lines to write on. A piece with nothing to
 * show renders nothing, so no document prints an empty heading.
 */

/**
 * A page of a document: the running header and footer, and the content between them, which
 * flows on to further pages as it needs.
 */
export function DocumentPage({
  header,
  footer,
  measures,
  children,
}: {
  header: DocumentHeader | null;
  footer: string;
  measures: Measures;
  children: ReactNode;
}) {
  return (
    <Page size={paper[measures.pageSize].name} style={pageStyle(measures)}>
      {header && <RunningHeader header={header} measures={measures} />}
      <View style={{ fontSize: measures.body, lineHeight: measures.leading }}>{children}</View>
      <RunningFooter text={footer} measures={measures} />
    </Page>
  );
}

/** The practice and clinician on the left, the client's name on the right, on every page. */
export function RunningHeader({
  header,
  measures,
}: {
  header: DocumentHeader;
  measures: Measures;
}) {
  const from = [header.practiceName, header.clinicianName].filter((part) => part !== '');
  if (from.length === 0 && header.clientName === '') return null;
  return (
    <View
      fixed
      style={{
        position: 'absolute',
        top: 30,
        left: measures.margin.side,
        right: measures.margin.side,
        flexDirection: 'row',
        justifyContent: 'space-between',
        alignItems: 'flex-end',
        paddingBottom: 6,
        borderBottomWidth: 0.75,
        borderBottomColor: ink.rule,
        fontSize: measures.small,
        lineHeight: 1.3,
        color: ink.muted,
      }}
    >
      <Text style={{ flexShrink: 1, paddingRight: 12 }}>{from.join('  ·  ')}</Text>
      {header.clientName !== '' && (
        <Text style={{ flexShrink: 0, maxWidth: '45%', textAlign: 'right' }}>
          For {header.clientName}
        </Text>
      )}
    </View>
  );
}

/**
 * A line at the foot of every page (the next meeting; from a demo vault, DEMO first), and the
 * page number when there are several.
 */
export function RunningFooter({ text, measures }: { text: string; measures: Measures }) {
  const line = measures.demo ? [DEMO_FOOTER, text].filter(Boolean).join(' · ') : text;
  const numberWidth = measures.small * 7;
  // No line height, set or inherited: react-pdf resolves a line height again each time it lays
  // out the page number (a `render` text), multiplying it by the size once more, and the number
  // then falls off the page.
  const style = {
    position: 'absolute' as const,
    bottom: 28,
    fontSize: measures.small,
    color: ink.muted,
  };
  return (
    <>
      {line !== '' && (
        <Text
          fixed
          style={{
            ...style,
            left: measures.margin.side,
            right: measures.margin.side + numberWidth + 12,
          }}
        >
          {line}
        </Text>
      )}
      <Text
        fixed
        style={{ ...style, right: measures.margin.side, width: numberWidth, textAlign: 'right' }}
        render={({ pageNumber, totalPages }) =>
          totalPages > 1 ? `Page ${pageNumber} of ${totalPages}` : ''
        }
      />
    </>
  );
}

/** The small word above a title ("Practice"), the title, and a line under it (the dates). */
export function TitleBlock({
  eyebrow,
  title,
  under,
  measures,
}: {
  eyebrow: string;
  title: string;
  under: string;
  measures: Measures;
}) {
  return (
    <View style={{ marginBottom: measures.gap * 0.1 }}>
      <Text
        style={{
          fontSize: measures.small,
          fontWeight: 600,
          color: ink.accent,
          letterSpacing: 1.2,
          textTransform: 'uppercase',
          marginBottom: 4,
        }}
      >
        {eyebrow}
      </Text>
      <Text style={{ fontSize: measures.title, fontWeight: 600, lineHeight: 1.25 }}>{title}</Text>
      {under !== '' && (
        <Text style={{ marginTop: 6, color: ink.muted, fontSize: measures.body * 0.95 }}>
          {under}
        </Text>
      )}
    </View>
  );
}

/**
 * A section: a space, its heading, then its content. Not wrapped in a view of its own: react-pdf
 * keeps a heading with what follows it (`minPresenceAhead`) only when something comes before it
 * in the same container, so the heading and content go straight into the page's flow.
 */
export function Section({
  heading,
  measures,
  children,
}: {
  heading: string;
  measures: Measures;
  children: ReactNode;
}) {
  return (
    <>
      <Heading measures={measures} spaced>
        {heading}
      </Heading>
      {children}
    </>
  );
}

/** A section heading, never left alone at the foot of a page; `spaced`: a space above it. */
export function Heading({
  measures,
  spaced = false,
  children,
}: {
  measures: Measures;
  spaced?: boolean;
  children: string;
}) {
  return (
    <Text
      minPresenceAhead={measures.body * 6}
      style={{
        fontSize: measures.heading,
        fontWeight: 600,
        color: ink.accent,
        marginTop: spaced ? measures.gap : 0,
        marginBottom: measures.gap / 3,
        lineHeight: 1.3,
      }}
    >
      {children}
    </Text>
  );
}

/** Text as typed: paragraphs split at blank lines, line breaks kept. */
export function Paragraphs({
  text,
  measures,
  style,
}: {
  text: string;
  measures: Measures;
  style?: { color?: string; fontSize?: number };
}) {
  const paragraphs = text.split(/\n\s*\n/u).filter((paragraph) => paragraph.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <Text
          key={index}
          orphans={2}
          widows={2}
          style={{ ...style, marginTop: index === 0 ? 0 : measures.body * 0.6 }}
        >
          {paragraph}
        </Text>
      ))}
    </>
  );
}

/** A short label before a value, on one line that wraps under itself. */
export function Labelled({
  label,
  value,
  measures,
}: {
  label: string;
  value: string;
  measures: Measures;
}) {
  if (value === '') return null;
  return (
    <Text style={{ marginTop: measures.body * 0.35 }}>
      <Text style={{ fontWeight: 600, color: ink.muted }}>{`${label}: `}</Text>
      {value}
    </Text>
  );
}

/** An empty box to tick. */
export function Checkbox({ measures }: { measures: Measures }) {
  return (
    <View
      style={{
        width: measures.checkbox,
        height: measures.checkbox,
        borderWidth: 1,
        borderColor: ink.box,
        borderRadius: 2,
        backgroundColor: '#ffffff',
      }}
    />
  );
}

/** Ruled lines to write on. */
export function WritingLines({ count, measures }: { count: number; measures: Measures }) {
  return (
    <View>
      {Array.from({ length: count }, (_, index) => (
        <View
          key={index}
          style={{
            height: measures.writingLine,
            borderBottomWidth: 0.75,
            borderBottomColor: ink.line,
          }}
        />
      ))}
    </View>
  );
}
