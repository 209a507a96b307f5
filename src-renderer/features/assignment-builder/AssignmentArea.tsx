import { useNavigation } from '../../session/navigation';

/** The assignment builder (being built). */
export function AssignmentArea() {
  const { route } = useNavigation();
  return <p>{route.screen}</p>;
}
