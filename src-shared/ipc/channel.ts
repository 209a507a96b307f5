import type { z } from 'zod';

/**
 * The building blocks of the IPC contract: which kinds of window exist, and what every channel
 * and event must declare. Each domain file (`vault.ts`, `backups.ts`, …) lists its channels with
 * `as const satisfies ChannelMap<'domain'>`, so a channel without `roles`, or named outside its
 * domain, does not compile.
 */

/**
 * The kinds of window main opens. `therapist`: the clinician's own window, which holds the vault.
 * `client-view`: the display the clinician shares with a client; it holds no key and may only
 * say it is ready.
 */
export const windowRoles = ['therapist', 'client-view'] as const;

/** A kind of window; main records it for every window it creates. */
export type WindowRole = (typeof windowRoles)[number];

/** The window roles a channel or event is for: at least one. */
export type Roles = readonly [WindowRole, ...WindowRole[]];

/** One request/response channel: zod schemas of both sides and who may call it. */
export type ChannelSpec = {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
  /** The window roles that may call this channel; any other sender gets FORBIDDEN_SENDER. */
  readonly roles: Roles;
};

/** One main → renderer event: the zod schema of its payload and the roles that receive it. */
export type EventSpec = {
  readonly payload: z.ZodType;
  /** The window roles this event is delivered to; no other window ever sees it. */
  readonly roles: Roles;
};

/** The channels of one domain, every name starting with `<domain>:`. */
export type ChannelMap<Domain extends string = string> = {
  readonly [Name in `${Domain}:${string}`]: ChannelSpec;
};

/** The events of one domain, every name starting with `<domain>:`. */
export type EventMap<Domain extends string = string> = {
  readonly [Name in `${Domain}:${string}`]: EventSpec;
};

/** The names in `map` whose spec lists `role`. */
export type NamesFor<M, R extends WindowRole> = {
  [K in keyof M]: M[K] extends { readonly roles: readonly (infer Allowed)[] }
    ? R extends Allowed
      ? K
      : never
    : never;
}[keyof M] &
  string;

/** The names of a channel or event map that `role` may use, in declaration order. */
export function namesFor<
  M extends { readonly [name: string]: { readonly roles: Roles } },
  R extends WindowRole,
>(map: M, role: R): NamesFor<M, R>[] {
  return Object.keys(map).filter((name) =>
    (map[name]?.roles as readonly WindowRole[] | undefined)?.includes(role),
  ) as NamesFor<M, R>[];
}
