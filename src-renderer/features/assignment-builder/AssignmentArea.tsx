import { useNavigation } from '../../session/navigation';
import { BuilderScreen } from './BuilderScreen';
import { StartPracticeScreen } from './StartPracticeScreen';

/** Designing practice: choosing where it starts, then the builder. */
export function AssignmentArea() {
  const { route } = useNavigation();
  if (route.screen === 'new-assignment')
    return <StartPracticeScreen clientId={route.clientId} sessionId={route.sessionId} />;
  if (route.screen !== 'assignment') return null;
  return <BuilderScreen assignmentId={route.assignmentId} />;
}
