import './zod-config';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { LangProvider } from './i18n';
import './styles.css';

// 使用说明 (/help, /help/<role>): a page of its own, loaded only there
const HelpPage = lazy(() => import('./help/help-page'));
const help = /^\/help(\/|$)/.test(location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      {help ? (
        <Suspense>
          <HelpPage />
        </Suspense>
      ) : (
        <App />
      )}
    </LangProvider>
  </StrictMode>,
);
