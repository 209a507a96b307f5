import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routePath } from './routes';

const id = 'AbCdEfGhIjKlMnOpQrStUv';

describe('screen addresses', () => {
  it.each<Route>([
    { screen: 'today' },
    { screen: 'clients' },
    { screen: 'client', clientId: id },
    { screen: 'session', sessionId: id },
    { screen: 'new-assignment', clientId: id },
    { screen: 'assignment', assignmentId: id, mode: 'edit' },
    { screen: 'assignment', assignmentId: id, mode: 'review' },
    { screen: 'library' },
    { screen: 'template', templateKey: 'behavioural-activation-pleasant-activity' },
    { screen: 'insights' },
    { screen: 'settings' },
  ])('round-trips %o through the URL', (route) => {
    expect(parseRoute(`#${routePath(route)}`)).toEqual(route);
  });

  it.each([
    '',
    '#/',
    '#/nowhere',
    '#/clients/a b',
    '#/clients/<img src=x>',
    '#/assignments/abc/delete',
    '#/clients/abc/assignments/old',
    `#/clients/${'x'.repeat(65)}`,
    '#/library/a/b/c/d/e',
  ])('names no screen for %j', (fragment) => {
    expect(parseRoute(fragment)).toBeNull();
  });
});
