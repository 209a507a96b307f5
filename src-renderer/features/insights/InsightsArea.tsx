// The charts' styles load with Insights, not with the start screen.
import '@mantine/charts/styles.css';
import { useNavigation } from '../../session/navigation';
import { ClientInsightsScreen } from './ClientInsightsScreen';
import { PracticeInsightsScreen } from './PracticeInsightsScreen';

/** Insights, for the clinician alone: across the practice, or for one client. */
export function InsightsArea() {
  const { route } = useNavigation();
  if (route.screen === 'client-insights')
    return <ClientInsightsScreen key={route.clientId} clientId={route.clientId} />;
  if (route.screen !== 'insights') return null;
  return <PracticeInsightsScreen />;
}
