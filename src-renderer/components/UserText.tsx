/**
 * Text someone typed or a file brought in (a client's name, goal or notes, a template's title or
 * steps, a pack's file name), shown isolated from the app's text around it. `<bdi>` is HTML's
 * bidirectional isolate (`unicode-bidi: isolate` in every browser's own stylesheet) and
 * `dir="auto"` takes its direction from its own first strong letter, so an Arabic or Hebrew
 * name, or a stray direction change inside it, can't reorder the words, numbers and punctuation
 * next to it ("Delete “…”?", "Template 3 · Mine"). Wrap every such string, in any component.
 */
export function UserText({ children }: { children: string }) {
  return <bdi dir="auto">{children}</bdi>;
}
