/** Starts a new execution of a registered workflow type. */
import { useState } from 'preact/hooks';
import { enc, postJson } from '../api.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { ConfirmedAction, jsonProblem } from './confirmed-action.js';
import { Fault } from './fault.js';

interface WorkflowTypeView {
  readonly name: string;
  readonly version: string;
}

export function StartExecutionForm({ domain, onClose }: { readonly domain: string; readonly onClose: () => void }) {
  const [types] = useApi<{ workflowTypes: WorkflowTypeView[] }>(`/domains/${enc(domain)}/workflow-types`);
  const [type, setType] = useState('');
  const [workflowId, setWorkflowId] = useState('');
  const [input, setInput] = useState('');
  const [taskList, setTaskList] = useState('');
  const [tags, setTags] = useState('');
  if (types.state === 'loading') return <p class="muted">Loading the registered types…</p>;
  if (types.state === 'failed') return <Fault error={types.error} />;
  const registered = types.value.workflowTypes;
  if (registered.length === 0) return <p class="muted">No workflow type is registered in {domain}.</p>;
  const chosen = registered.find((t) => `${t.name}@${t.version}` === type) ?? registered[0]!;
  const value = (setter: (text: string) => void) => (event: Event) => setter((event.currentTarget as HTMLInputElement).value);
  const tagList = tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
  return (
    <ConfirmedAction
      name="start"
      title="Start a new execution"
      validate={() => (workflowId.trim() === '' ? 'A workflow id is required' : jsonProblem('The input', input))}
      summary={() => `Start ${chosen.name} v${chosen.version} as ${workflowId}${input.trim() === '' ? ' with no input' : ` with input ${input}`}?`}
      run={() =>
        postJson<{ workflowId: string; runId: string }>(`/domains/${enc(domain)}/executions`, {
          workflowId: workflowId.trim(),
          typeName: chosen.name,
          typeVersion: chosen.version,
          ...(input.trim() !== '' && { input }),
          ...(taskList.trim() !== '' && { taskList: taskList.trim() }),
          ...(tagList.length > 0 && { tags: tagList }),
        })
      }
      onDone={(result) => {
        const started = result as { workflowId: string; runId: string };
        location.hash = href.execution(domain, started.workflowId, started.runId);
      }}
      onCancel={onClose}
    >
      <label>
        type{' '}
        <select name="type" value={`${chosen.name}@${chosen.version}`} onChange={value(setType)}>
          {registered.map((t) => (
            <option value={`${t.name}@${t.version}`}>
              {t.name} v{t.version}
            </option>
          ))}
        </select>
      </label>
      <label>
        workflow id <input name="workflowId" value={workflowId} onInput={value(setWorkflowId)} />
      </label>
      <label>
        input (JSON) <textarea name="input" rows={3} value={input} onInput={value(setInput)} />
      </label>
      <label>
        task list <input name="taskList" placeholder="the type's default" value={taskList} onInput={value(setTaskList)} />
      </label>
      <label>
        tags <input name="tags" placeholder="comma separated, at most 5" value={tags} onInput={value(setTags)} />
      </label>
    </ConfirmedAction>
  );
}
