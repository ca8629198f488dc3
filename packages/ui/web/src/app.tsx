import { DomainsPage } from './pages/domains-page.js';
import { ExecutionPage } from './pages/execution-page.js';
import { ExecutionsPage } from './pages/executions-page.js';
import { href, useRoute } from './router.js';

export function App() {
  const route = useRoute();
  return (
    <>
      <header class="top">
        <a class="brand" href={href.domains()}>
          Swirl
        </a>
        {route.page !== 'domains' && (
          <nav class="crumbs">
            <a href={href.domains()}>domains</a> / <a href={href.executions(route.domain)}>{route.domain}</a>
            {route.page === 'execution' && <span> / {route.workflowId}</span>}
          </nav>
        )}
      </header>
      <main>
        {route.page === 'domains' && <DomainsPage />}
        {route.page === 'executions' && <ExecutionsPage domain={route.domain} query={route.query} />}
        {route.page === 'execution' && <ExecutionPage key={`${route.domain}/${route.workflowId}/${route.runId}`} domain={route.domain} workflowId={route.workflowId} runId={route.runId} />}
      </main>
    </>
  );
}
