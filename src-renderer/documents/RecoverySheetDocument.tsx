import { Document, Text, View } from '@react-pdf/renderer';
import { type DocumentOptions, ink, measuresFor } from './document-style';
import { DocumentPage, Section, TitleBlock } from './parts';

/** What a recovery sheet carries: the vault's name and its recovery key, nothing else. */
export type RecoverySheet = { vaultName: string; recoveryKey: string };

/** What to do with the sheet, in the order it matters. */
const keepingItSafe = [
  'Keep this sheet somewhere private and safe, away from your laptop, such as a locked drawer.',
  'Don’t photograph, scan or email it, or keep a copy on the computer or in cloud storage.',
  'Anyone who has this key and a copy of the vault or of a backup can open it: treat it like the key to your filing cabinet.',
];

const usingIt = [
  'Forgot your passphrase? On Bridgework’s start screen, choose the vault, then “Recovery key” instead of “Passphrase”, and type the key as it is written here.',
  'Lost this sheet, or someone else may have seen it? In Settings, make a new recovery key and print a new sheet; this key then stops working for the vault.',
  'Backups made before a new key still open with this one, so keep this sheet as long as you keep those backups.',
];

/**
 * The recovery sheet printed when a vault is made or its recovery key replaced: the vault's
 * name, the key in large, spaced, fixed-width type, and what to do with it. Nothing about any
 * client, and no passphrase.
 */
export function RecoverySheetDocument({
  sheet,
  options,
}: {
  sheet: RecoverySheet;
  options: DocumentOptions;
}) {
  const measures = measuresFor(options);
  const groups = sheet.recoveryKey
    .normalize('NFC')
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean);
  const lines = Array.from({ length: Math.ceil(groups.length / 4) }, (_, index) =>
    groups.slice(index * 4, index * 4 + 4).join('-'),
  );
  return (
    <Document title="Recovery sheet" language="en" creator="" producer="">
      <DocumentPage header={null} footer="" measures={measures}>
        <TitleBlock
          eyebrow="Bridgework recovery sheet"
          title={sheet.vaultName.normalize('NFC').trim() || 'Your vault'}
          under=""
          measures={measures}
        />
        <View
          wrap={false}
          style={{
            borderWidth: 1.5,
            borderColor: ink.accent,
            borderRadius: 8,
            paddingVertical: measures.gap * 0.9,
            paddingHorizontal: measures.gap,
            marginTop: measures.gap * 0.8,
            alignItems: 'center',
          }}
        >
          <Text
            style={{
              fontFamily: 'Courier-Bold',
              fontSize: measures.large ? 26 : 24,
              letterSpacing: 2,
              lineHeight: 1.5,
              textAlign: 'center',
            }}
          >
            {lines.join('\n')}
          </Text>
          <Text
            style={{ marginTop: 8, fontSize: measures.small, lineHeight: 1.4, color: ink.muted }}
          >
            Letters and digits only: there is no letter O, I, L or U. The dashes are optional when
            you type it.
          </Text>
        </View>
        <Section heading="Keeping it safe" measures={measures}>
          <Bullets items={keepingItSafe} size={measures.body} />
        </Section>
        <Section heading="Using it" measures={measures}>
          <Bullets items={usingIt} size={measures.body} />
        </Section>
      </DocumentPage>
    </Document>
  );
}

/** Bullet points, straight into the page's flow so they can go on to the next page one by one. */
function Bullets({ items, size }: { items: readonly string[]; size: number }) {
  return (
    <>
      {items.map((item, index) => (
        <View key={index} wrap={false} style={{ flexDirection: 'row', marginBottom: size * 0.45 }}>
          <Text style={{ width: 14, color: ink.accent }}>•</Text>
          <Text style={{ flex: 1 }}>{item}</Text>
        </View>
      ))}
    </>
  );
}
