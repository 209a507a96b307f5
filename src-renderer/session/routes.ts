/**
 * Every screen of an unlocked vault as a typed address. Addresses hold random record ids and
 * template slugs only, and they live in memory (see navigation.tsx), never in the window's URL
 * or history, which Chromium persists along with the state of the forms on the page.
 */
export type Route =
  | { screen: 'today' }
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'session'; sessionId: string }
  | { screen: 'new-assignment'; clientId: string; sessionId: string | null }
  | { screen: 'assignment'; assignmentId: string }
  | { screen: 'review'; assignmentId: string; sessionId: string | null }
  | { screen: 'library' }
  | { screen: 'template'; templateKey: string }
  | { screen: 'insights' }
  | { screen: 'client-insights'; clientId: string }
  | { screen: 'settings' };

/** Where an unlocked vault opens, and where an unknown address leads. */
export const HOME_ROUTE: Route = { screen: 'today' };
