import { VisuallyHidden } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { type ReactNode, useEffect, useRef } from 'react';

/** What a screen reader hears for the chosen entry: its words, and where it is in the list. */
function describeChosen(list: HTMLElement): string {
  const entries = [...list.querySelectorAll<HTMLElement>('[data-action]')];
  const chosen = entries.findIndex((entry) => entry.hasAttribute('data-selected'));
  const entry = entries[chosen];
  if (!entry) return '';
  const { classes } = Spotlight;
  const words = [classes.actionLabel, classes.actionDescription]
    .map((name) => entry.querySelector(`.${name}`)?.textContent?.trim() ?? '')
    .filter(Boolean);
  return `${words.join(', ') || (entry.textContent ?? '').trim()} (${chosen + 1} of ${entries.length})`;
}

/**
 * Says which entry of the list inside it the arrow keys have chosen. Focus stays in the search
 * box while they move through the list, and Spotlight marks the chosen entry only with an
 * attribute (its store does not even tell its subscribers), so without this a screen reader
 * would hear nothing as the choice moves. The list is watched as drawn: whatever moves the mark
 * or replaces the list, the words follow.
 */
export function ChosenEntryAnnouncement({ children }: { children: ReactNode }) {
  const watched = useRef<HTMLDivElement>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const list = watched.current;
    if (!list) return;
    const say = () => {
      if (region.current) region.current.textContent = describeChosen(list);
    };
    say();
    const observer = new MutationObserver(say);
    observer.observe(list, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-selected'],
    });
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <div ref={watched}>{children}</div>
      <VisuallyHidden ref={region} role="status" aria-live="polite" />
    </>
  );
}
