import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'react-data-grid/lib/styles.css';
import './styles.css';
import { App } from './shell/app.js';
import { ApiProvider } from './shell/api-context.js';
import { I18nProvider } from './i18n/i18n-context.js';
import { pickTransport } from './transport/pick-transport.js';
import { LiveProvider } from './team/live-updates.js';
import { TeamGate } from './team/team-gate.js';
import { warnBeforeUnload } from './shell/unsaved-edits.js';

warnBeforeUnload(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={pickTransport(window)}>
      <I18nProvider>
        <TeamGate>
          <LiveProvider>
            <App />
          </LiveProvider>
        </TeamGate>
      </I18nProvider>
    </ApiProvider>
  </StrictMode>,
);
