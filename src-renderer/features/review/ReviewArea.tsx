import { useNavigation } from '../../session/navigation';
import { ReviewScreen } from './ReviewScreen';

/** Reviewing practice together, one assignment at a time. */
export function ReviewArea() {
  const { route } = useNavigation();
  if (route.screen !== 'review') return null;
  return (
    <ReviewScreen
      key={`${route.assignmentId}/${route.sessionId ?? ''}`}
      assignmentId={route.assignmentId}
      sessionId={route.sessionId}
    />
  );
}
