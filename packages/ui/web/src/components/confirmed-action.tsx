/**
 * An action in two steps: fill in the form, then confirm what will be sent; the SWF fault, if any,
 * is shown as it came back, and the form stays so it can be corrected.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { toApiError } from '../use-api.js';
import { Fault } from './fault.js';

export interface ConfirmedActionProps {
  readonly name: string;
  readonly title: string;
  /** What the confirm step says will happen. */
  readonly summary: () => string;
  /** Checks the form before the confirm step; a message blocks it. */
  readonly validate?: () => string | undefined;
  readonly run: () => Promise<unknown>;
  readonly onDone: (result: unknown) => void;
  readonly onCancel: () => void;
  readonly danger?: boolean;
  readonly children?: ComponentChildren;
}

export function ConfirmedAction(props: ConfirmedActionProps) {
  const [step, setStep] = useState<'form' | 'confirm' | 'sending'>('form');
  const [problem, setProblem] = useState<string | undefined>();
  const [fault, setFault] = useState<ApiError | undefined>();
  const review = (event: Event) => {
    event.preventDefault();
    const message = props.validate?.();
    setProblem(message);
    setFault(undefined);
    if (message === undefined) setStep('confirm');
  };
  const confirm = async () => {
    setStep('sending');
    try {
      const result = await props.run();
      props.onDone(result);
    } catch (error) {
      setFault(toApiError(error));
      setStep('form');
    }
  };
  return (
    <form class={`panel action-panel ${props.danger ? 'danger' : ''}`} data-panel={props.name} onSubmit={review}>
      <h3>{props.title}</h3>
      <fieldset disabled={step !== 'form'}>{props.children}</fieldset>
      {problem !== undefined && (
        <div class="fault" role="alert">
          {problem}
        </div>
      )}
      {fault !== undefined && <Fault error={fault} />}
      {step === 'form' && (
        <div class="buttons">
          <button type="submit" data-step="review">
            Review…
          </button>
          <button type="button" onClick={props.onCancel}>
            Close
          </button>
        </div>
      )}
      {step !== 'form' && (
        <div class="confirm" data-testid="confirm">
          <p>{props.summary()}</p>
          <button type="button" class={props.danger ? 'danger' : ''} data-step="confirm" disabled={step === 'sending'} onClick={() => void confirm()}>
            {step === 'sending' ? 'Sending…' : `Yes, ${props.name}`}
          </button>
          <button type="button" disabled={step === 'sending'} onClick={() => setStep('form')}>
            Back
          </button>
        </div>
      )}
    </form>
  );
}

/** `''` or JSON text; SWF takes the input as a string, so it is sent as typed once it parses. */
export function jsonProblem(label: string, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `${label} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}
