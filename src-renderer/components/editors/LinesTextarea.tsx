import { Textarea } from '@mantine/core';
import { useState } from 'react';

/**
 * A text box for a list written one item per line. It keeps the text as typed (blank lines
 * included, so typing feels normal) and reports the non-empty, trimmed lines.
 */
export function LinesTextarea({
  label,
  description,
  initial,
  onLines,
  minRows = 2,
}: {
  label: string;
  description: string;
  initial: string[];
  onLines: (lines: string[]) => void;
  minRows?: number;
}) {
  const [text, setText] = useState(initial.join('\n'));
  return (
    <Textarea
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onLines(
          event.currentTarget.value
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
      autosize
      minRows={minRows}
    />
  );
}
