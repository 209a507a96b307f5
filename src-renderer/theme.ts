import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm, readable and quiet: a muted teal, generous radius, the system's own fonts. */
export const theme = createTheme({
  colors: {
    // A deep sage teal; shades 6–9 keep AA contrast against white text and light backgrounds,
    // so filled buttons and chosen chips use shade 6 or darker in both schemes.
    sage: [
      '#e9f4f3',
      '#d2e8e6',
      '#a7d2ce',
      '#79bbb5',
      '#529f99',
      '#3a8b85',
      '#1f7a74',
      '#176c67',
      '#0f5f5a',
      '#064f4b',
    ],
  },
  primaryColor: 'sage',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Mantine's close buttons carry only an icon; give them a name screen readers can say.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Every text field: no autofill suggestions, no form history, and no saving of what was
    // typed with the page's history state (Chromium keeps that state in the profile's session
    // files, unencrypted; fields with autocomplete="off" are left out of it). Textareas don't
    // use `autosize`: it measures in a hidden copy of the text box that holds what was typed
    // and has no autocomplete="off"; they grow by dragging their corner instead.
    ...Object.fromEntries(
      [
        'TextInput',
        'Textarea',
        'PasswordInput',
        'NumberInput',
        'TagsInput',
        'Select',
        'MultiSelect',
        'NativeSelect',
        'Autocomplete',
      ].map((name) => [name, { defaultProps: { autoComplete: 'off' } }]),
    ),
    // Titles in the body's text colour: yellow and orange titles on their light backgrounds
    // fall short of readable contrast.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
  },
});

/**
 * Secondary text and the error colour (a field's text and message when something is wrong) with
 * WCAG AA contrast in both themes: Mantine's own red is 3.3:1 on white and 3.4:1 on dark. In the
 * light scheme, yellow and orange text on their own pale backgrounds (a "To review" badge) is a
 * dark amber: Mantine's is 2.7:1 there.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-error': current.colors.red[9],
    '--mantine-color-yellow-light-color': '#865400',
    '--mantine-color-orange-light-color': '#a34a06',
  },
  dark: {
    '--mantine-color-dimmed': current.colors.dark[1],
    '--mantine-color-error': current.colors.red[5],
  },
});
