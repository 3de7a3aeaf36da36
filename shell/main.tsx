import '@patternfly/react-core/dist/styles/base.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ShellK8s } from './ShellK8s';

const root = document.getElementById('root');
if (!root) throw new Error('shell/index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ShellK8s>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ShellK8s>
  </StrictMode>,
);
