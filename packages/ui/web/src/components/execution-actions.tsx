/** Signal, request cancel and terminate, each behind a confirm step. */
import { useState } from 'preact/hooks';
import { executionPath, postJson } from '../api.js';
import { ConfirmedAction, jsonProblem } from './confirmed-action.js';

type ActionName = 'signal' | 'cancel' | 'terminate';

export function ExecutionActions({ domain, workflowId, runId, onActed }: { readonly domain: string; readonly workflowId: string; readonly runId: string; readonly onActed: () => void }) {
  const [open, setOpen] = useState<ActionName | undefined>();
  const [signalName, setSignalName] = useState('');
  const [signalInput, setSignalInput] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const path = executionPath(domain, workflowId, runId);
  const done = (message: string) => () => {
    setOpen(undefined);
    setNotice(message);
    onActed();
  };
  const close = () => setOpen(undefined);
  const value = (setter: (text: string) => void) => (event: Event) => setter((event.currentTarget as HTMLInputElement).value);
  return (
    <div class="actions">
      <div class="buttons">
        {(['signal', 'cancel', 'terminate'] as const).map((name) => (
          <button
            type="button"
            data-action={name}
            class={open === name ? 'action active' : 'action'}
            onClick={() => {
              setNotice(undefined);
              setOpen(open === name ? undefined : name);
            }}
          >
            {name === 'cancel' ? 'request cancel' : name}
          </button>
        ))}
        <a class="action" data-action="export" href={`api${path}/export`} download>
          export history JSON
        </a>
      </div>
      {notice !== undefined && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {open === 'signal' && (
        <ConfirmedAction
          name="signal"
          title="Send a signal"
          validate={() => (signalName.trim() === '' ? 'A signal needs a name' : jsonProblem('The input', signalInput))}
          summary={() => `Send signal "${signalName}" to ${workflowId}${signalInput.trim() === '' ? ' with no input' : ` with input ${signalInput}`}?`}
          run={() => postJson(`${path}/signal`, { signalName: signalName.trim(), ...(signalInput.trim() !== '' && { input: signalInput }) })}
          onDone={done(`Signal "${signalName}" sent.`)}
          onCancel={close}
        >
          <label>
            name <input name="signalName" value={signalName} onInput={value(setSignalName)} />
          </label>
          <label>
            input (JSON) <textarea name="signalInput" rows={3} value={signalInput} onInput={value(setSignalInput)} />
          </label>
        </ConfirmedAction>
      )}
      {open === 'cancel' && (
        <ConfirmedAction
          name="cancel"
          title="Request cancellation"
          summary={() => `Ask ${workflowId} to cancel? Its workflow code decides how to stop.`}
          run={() => postJson(`${path}/cancel`, {})}
          onDone={done('Cancellation requested.')}
          onCancel={close}
        />
      )}
      {open === 'terminate' && (
        <ConfirmedAction
          name="terminate"
          title="Terminate"
          danger
          summary={() => `Terminate ${workflowId} now${reason.trim() === '' ? '' : ` (reason: ${reason})`}? No workflow code runs; this cannot be undone.`}
          run={() => postJson(`${path}/terminate`, { reason })}
          onDone={done('Terminated.')}
          onCancel={close}
        >
          <label>
            reason <input name="reason" maxLength={256} value={reason} onInput={value(setReason)} />
          </label>
        </ConfirmedAction>
      )}
    </div>
  );
}
