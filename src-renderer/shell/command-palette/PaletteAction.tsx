import { Spotlight } from '@mantine/spotlight';
import { UserText } from '../../components/UserText';
import type { PaletteText } from './palette-entries';

/** An entry's text, with the names and titles someone typed shown isolated (UserText). */
export function PaletteTextView({ text }: { text: PaletteText }) {
  return text.map((part, index) =>
    typeof part === 'string' ? part : <UserText key={index}>{part.userText}</UserText>,
  );
}

/**
 * One entry of the palette's list. Spotlight's own label and description take plain strings
 * only, so the entry lays them out itself with Spotlight's classes, to hold a client's name as
 * UserText.
 */
export function PaletteAction({
  label,
  description,
  onClick,
}: {
  label: PaletteText;
  description?: PaletteText;
  onClick: () => void;
}) {
  const { classes } = Spotlight;
  return (
    <Spotlight.Action onClick={onClick}>
      <span className={classes.actionBody}>
        <span className={classes.actionLabel}>
          <PaletteTextView text={label} />
        </span>
        {description && (
          <span className={classes.actionDescription}>
            <PaletteTextView text={description} />
          </span>
        )}
      </span>
    </Spotlight.Action>
  );
}
