import {
  IconBooks,
  IconCalendarEvent,
  IconChartLine,
  IconPencilHeart,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AssignmentArea } from '../features/assignment-builder/AssignmentArea';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { SessionsArea } from '../features/sessions/SessionsArea';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import type { Route } from '../session/routes';
import { ComingLaterScreen } from './ComingLaterScreen';

/**
 * The areas of the app and the routes each one shows. Areas kept open stay mounted (hidden)
 * once visited, so going back to them is instant and they keep their place; they read live
 * data, so they are never stale. Screens of the clinical loop not built yet have their
 * addresses already and say so calmly; they are not in the navigation until they exist.
 */
export const areas = [
  {
    id: 'today',
    label: 'Today',
    icon: IconCalendarEvent,
    inNavigation: true,
    keepOpen: false,
    screens: ['today', 'session'],
    home: { screen: 'today' },
    render: () => <SessionsArea />,
  },
  {
    id: 'clients',
    label: 'Clients',
    icon: IconUsers,
    inNavigation: true,
    keepOpen: true,
    screens: ['clients', 'client'],
    home: { screen: 'clients' },
    render: () => <ClientsScreen />,
  },
  {
    id: 'library',
    label: 'Library',
    icon: IconBooks,
    inNavigation: true,
    keepOpen: true,
    screens: ['library', 'template'],
    home: { screen: 'library' },
    render: () => <LibraryScreen />,
  },
  {
    id: 'practice',
    label: 'Practice',
    icon: IconPencilHeart,
    inNavigation: false,
    keepOpen: false,
    screens: ['new-assignment', 'assignment'],
    home: { screen: 'today' },
    render: () => <AssignmentArea />,
  },
  {
    id: 'insights',
    label: 'Insights',
    icon: IconChartLine,
    inNavigation: false,
    keepOpen: false,
    screens: ['insights'],
    home: { screen: 'insights' },
    render: () => <ComingLaterScreen what="Insights" />,
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: IconSettings,
    inNavigation: true,
    keepOpen: false,
    screens: ['settings'],
    home: { screen: 'settings' },
    render: () => <SettingsScreen />,
  },
] as const satisfies readonly {
  id: string;
  label: string;
  icon: typeof IconUsers;
  inNavigation: boolean;
  keepOpen: boolean;
  screens: readonly Route['screen'][];
  home: Route;
  render: () => ReactNode;
}[];

/** An area's id. */
export type AreaId = (typeof areas)[number]['id'];

/** The area that shows a route. */
export function areaOf(route: Route): AreaId {
  const found = areas.find((area) => (area.screens as readonly string[]).includes(route.screen));
  return found?.id ?? 'today';
}
