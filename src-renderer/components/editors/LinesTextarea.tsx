import { Textarea } from '@mantine/core';
import { useState } from 'react';

/** The non-empty, trimmed lines of a text. */
function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const sameLines = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((line, index) => line === b[index]);

/**
 * A text box for a list written one item per line. It keeps the text as typed (blank lines
 * included, so typing feels normal) and reports the non-empty, trimmed lines; a `value` that
 * changes from outside replaces the text.
 */
export function LinesTextarea({
  label,
  description,
  value,
  onChange,
  minRows = 2,
}: {
  label: string;
  description: string;
  value: readonly string[];
  onChange: (lines: string[]) => void;
  minRows?: number;
}) {
  const [text, setText] = useState(value.join('\n'));
  // A new value from outside (not what this box reported) replaces the text as typed.
  if (!sameLines(linesOf(text), value)) setText(value.join('\n'));
  return (
    <Textarea
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onChange(linesOf(event.currentTarget.value));
      }}
      resize="vertical"
      rows={minRows}
    />
  );
}
