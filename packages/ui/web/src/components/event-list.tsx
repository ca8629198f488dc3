/**
 * The full history, a page of events at a time (a 25,000-event run stays responsive), each with its
 * attributes as text: payloads are shown exactly as received, never interpreted as markup.
 */
import { useState } from 'preact/hooks';
import { attributesOf, formatTime, type WireEvent } from '../model/wire.js';

export const EVENTS_PER_PAGE = 100;

export function EventList({ events }: { readonly events: readonly WireEvent[] }) {
  const [page, setPage] = useState(0);
  const [typeFilter, setTypeFilter] = useState('');
  const shown = typeFilter === '' ? events : events.filter((event) => event.eventType.toLowerCase().includes(typeFilter.toLowerCase()));
  const pages = Math.max(1, Math.ceil(shown.length / EVENTS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * EVENTS_PER_PAGE, (current + 1) * EVENTS_PER_PAGE);
  return (
    <div class="events" data-testid="events" data-count={events.length}>
      <div class="pager">
        <label>
          event type contains <input name="eventType" value={typeFilter} onInput={(event) => setTypeFilter((event.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
          ←
        </button>
        <span>
          page {current + 1} of {pages} ({shown.length} event{shown.length === 1 ? '' : 's'})
        </span>
        <button type="button" data-action="next-events" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          →
        </button>
        <button type="button" disabled={current >= pages - 1} onClick={() => setPage(pages - 1)}>
          last
        </button>
      </div>
      <table class="list event-table">
        <thead>
          <tr>
            <th>id</th>
            <th>time</th>
            <th>type</th>
            <th>attributes</th>
          </tr>
        </thead>
        <tbody>
          {slice.map((event) => (
            <tr key={event.eventId} data-event-id={event.eventId} data-event-type={event.eventType}>
              <td class="mono">{event.eventId}</td>
              <td class="small">{formatTime(event.eventTimestamp)}</td>
              <td class={`event-type ${event.eventType}`}>{event.eventType}</td>
              <td>
                <pre class="attributes">{JSON.stringify(attributesOf(event), null, 2)}</pre>
                {event.swirlDecodeFailures !== undefined && <p class="fault small">not decoded: {event.swirlDecodeFailures.join('; ')}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
