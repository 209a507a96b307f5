import { useNavigation } from '../../session/navigation';
import { SessionPlanScreen } from './SessionPlanScreen';
import { TodayScreen } from './TodayScreen';

/** Today (home) and the session plan. */
export function SessionsArea() {
  const { route } = useNavigation();
  if (route.screen === 'session')
    return <SessionPlanScreen key={route.sessionId} sessionId={route.sessionId} />;
  return <TodayScreen />;
}
