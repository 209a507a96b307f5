import { lockDownWindow } from '../lockdown';
import { renderInTheme } from '../render-in-theme';
import { ClientViewScreen } from './ClientViewScreen';

// The client view: the window the clinician shares with a client. It holds no key, opens no
// database and imports none of the therapist's code (ESLint enforces it); it shows what main
// relays to it, as text.
lockDownWindow(window);
renderInTheme(<ClientViewScreen />);
