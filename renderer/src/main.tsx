import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/tokens.css';
import './styles/base.css';
import { App } from './app/App';
import { RoomScreen } from './features/room/RoomScreen';
import { isRoomWindow } from './features/room/store';

// The room's window (the projector) loads the same page with #room: it shows the room's
// screen and nothing else, and asks the main process for nothing else.
createRoot(document.getElementById('root')!).render(<StrictMode>{isRoomWindow() ? <RoomScreen /> : <App />}</StrictMode>);
