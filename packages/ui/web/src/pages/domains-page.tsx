import { Fault } from '../components/fault.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';

interface DomainView {
  readonly name: string;
  readonly status: string;
  readonly description?: string;
  readonly retentionDays?: string;
}

export function DomainsPage() {
  const [domains] = useApi<{ domains: DomainView[] }>('/domains');
  return (
    <section>
      <h1>Domains</h1>
      {domains.state === 'loading' && <p class="muted">Loading…</p>}
      {domains.state === 'failed' && <Fault error={domains.error} />}
      {domains.state === 'ready' &&
        (domains.value.domains.length === 0 ? (
          <p class="muted">No domains yet: a worker registers its domain when it starts.</p>
        ) : (
          <table class="list" data-testid="domains">
            <thead>
              <tr>
                <th>name</th>
                <th>status</th>
                <th>retention</th>
                <th>description</th>
              </tr>
            </thead>
            <tbody>
              {domains.value.domains.map((domain) => (
                <tr key={domain.name}>
                  <td>
                    <a href={href.executions(domain.name)}>{domain.name}</a>
                  </td>
                  <td>{domain.status}</td>
                  <td>{domain.retentionDays === undefined ? '' : `${domain.retentionDays} days`}</td>
                  <td>{domain.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
