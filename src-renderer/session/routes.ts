/**
 * Every screen of an unlocked vault as a typed address, and its form in the window's URL
 * (`#/clients/<client id>`). Only random record ids and template slugs ever appear in an
 * address, never a name or any other client text.
 */
export type Route =
  | { screen: 'today' }
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'session'; sessionId: string }
  | { screen: 'new-assignment'; clientId: string }
  | { screen: 'assignment'; assignmentId: string; mode: 'edit' | 'review' }
  | { screen: 'library' }
  | { screen: 'template'; templateKey: string }
  | { screen: 'insights' }
  | { screen: 'settings' };

/** Where an unlocked vault opens, and where an unknown address leads. */
export const HOME_ROUTE: Route = { screen: 'clients' };

/** A record id or template slug: base64url letters, digits, `-` and `_` only. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The URL fragment of a route, e.g. `/clients/AbC…`. */
export function routePath(route: Route): string {
  switch (route.screen) {
    case 'client':
      return `/clients/${route.clientId}`;
    case 'session':
      return `/sessions/${route.sessionId}`;
    case 'new-assignment':
      return `/clients/${route.clientId}/assignments/new`;
    case 'assignment':
      return `/assignments/${route.assignmentId}/${route.mode}`;
    case 'template':
      return `/library/${route.templateKey}`;
    default:
      return `/${route.screen}`;
  }
}

/** The route of a URL fragment (with or without its `#`), or null when it names no screen. */
export function parseRoute(fragment: string): Route | null {
  const parts = fragment.replace(/^#/, '').split('/').filter(Boolean);
  const [first, id, third, fourth] = parts;
  if (parts.some((part) => !ID.test(part))) return null;
  if (parts.length === 1) {
    if (first === 'today' || first === 'clients' || first === 'library') return { screen: first };
    if (first === 'insights' || first === 'settings') return { screen: first };
    return null;
  }
  if (id === undefined) return null;
  if (parts.length === 2) {
    if (first === 'clients') return { screen: 'client', clientId: id };
    if (first === 'sessions') return { screen: 'session', sessionId: id };
    if (first === 'library') return { screen: 'template', templateKey: id };
    return null;
  }
  if (parts.length === 3 && first === 'assignments' && (third === 'edit' || third === 'review'))
    return { screen: 'assignment', assignmentId: id, mode: third };
  if (parts.length === 4 && first === 'clients' && third === 'assignments' && fourth === 'new')
    return { screen: 'new-assignment', clientId: id };
  return null;
}
