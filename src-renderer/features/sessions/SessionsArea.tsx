import { useNavigation } from '../../session/navigation';

/** Today and the session plan (being built). */
export function SessionsArea() {
  const { route } = useNavigation();
  return <p>{route.screen}</p>;
}
