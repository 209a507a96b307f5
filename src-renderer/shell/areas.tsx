import {
  IconBooks,
  IconCalendarEvent,
  IconChartLine,
  IconMessageCircle,
  IconPencilHeart,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AssignmentArea } from '../features/assignment-builder/AssignmentArea';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { InsightsArea } from '../features/insights/InsightsArea';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ReviewArea } from '../features/review/ReviewArea';
import { SessionsArea } from '../features/sessions/SessionsArea';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import type { Route } from '../session/routes';

/**
 * The areas of the app and the routes each one shows. Areas kept open stay mounted (hidden)
 * once visited, so going back to them is instant and they keep their place; they read live
 * data, so they are never stale.
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
    id: 'review',
    label: 'Review',
    icon: IconMessageCircle,
    inNavigation: false,
    keepOpen: false,
    screens: ['review'],
    home: { screen: 'today' },
    render: () => <ReviewArea />,
  },
  {
    id: 'insights',
    label: 'Insights',
    icon: IconChartLine,
    inNavigation: true,
    keepOpen: false,
    screens: ['insights', 'client-insights'],
    home: { screen: 'insights' },
    render: () => <InsightsArea />,
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
