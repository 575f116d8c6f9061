import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import { App } from './app/App';
import { startApp } from './share/start-app';
import { registerServiceWorkerLater } from './app/service-worker';

// The simulation's worker starts before React's first render: its script loads and its
// cluster builds while the page renders, not after.
void startApp();
registerServiceWorkerLater();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
