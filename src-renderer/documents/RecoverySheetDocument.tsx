import { Document, Text, View } from '@react-pdf/renderer';
import { type DocumentOptions, ink, measuresFor } from './document-style';
import { DocumentPage, Heading, TitleBlock } from './parts';

/** What a recovery sheet carries: the vault's name and its recovery key, nothing else. */
export type RecoverySheet = { vaultName: string; recoveryKey: string };

/** What to do with the sheet, in the order it matters. */
const keepingItSafe = [
  'Keep this sheet somewhere safe and private, away from your laptop — a locked drawer or a safe.',
  'Don’t photograph it, scan it, email it or keep a copy on the same computer or in cloud storage.',
  'Anyone with this key and a copy of the vault or one of its backups can open it: treat it like the key to your filing cabinet.',
];

const usingIt = [
  'If you forget your passphrase: on Bridgework’s start screen, choose the vault, then “Recovery key” instead of “Passphrase”, and type the key exactly as it is written here.',
  'If this sheet is lost, or someone else may have seen it: open Settings, make a new recovery key and print a new sheet. This key then stops working for the vault.',
  'Backups made before a new key still open with the key that was current when they were made, so keep this sheet for as long as you keep those backups.',
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
          under="The recovery key for this vault"
          measures={measures}
        />
        <View
          wrap={false}
          style={{
            borderWidth: 1.5,
            borderColor: ink.accent,
            borderRadius: 8,
            paddingVertical: measures.gap * 1.2,
            paddingHorizontal: measures.gap,
            marginBottom: measures.gap * 1.4,
            alignItems: 'center',
          }}
        >
          <Text
            style={{
              fontFamily: 'Courier-Bold',
              fontSize: measures.large ? 28 : 24,
              letterSpacing: 2,
              lineHeight: 1.5,
              textAlign: 'center',
            }}
          >
            {lines.join('\n')}
          </Text>
          <Text style={{ marginTop: 8, fontSize: measures.small, color: ink.muted }}>
            Letters and digits only: there is no letter O, I, L or U. The dashes are optional when
            you type it.
          </Text>
        </View>
        <Heading measures={measures}>Keeping it safe</Heading>
        <Steps items={keepingItSafe} size={measures.body} gap={measures.gap} />
        <Heading measures={measures}>Using it</Heading>
        <Steps items={usingIt} size={measures.body} gap={measures.gap} />
        <View
          wrap={false}
          style={{ flexDirection: 'row', alignItems: 'flex-end', marginTop: measures.gap * 0.4 }}
        >
          <Text style={{ color: ink.muted, marginRight: 8 }}>Printed on</Text>
          <View style={{ width: '40%', borderBottomWidth: 0.75, borderBottomColor: ink.line }} />
        </View>
      </DocumentPage>
    </Document>
  );
}

function Steps({ items, size, gap }: { items: readonly string[]; size: number; gap: number }) {
  return (
    <View style={{ marginBottom: gap }}>
      {items.map((item, index) => (
        <View key={index} style={{ flexDirection: 'row', marginBottom: size * 0.45 }}>
          <Text style={{ width: 14, color: ink.accent }}>•</Text>
          <Text style={{ flex: 1 }}>{item}</Text>
        </View>
      ))}
    </View>
  );
}
