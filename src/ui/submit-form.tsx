// A form's submit: busy while the request runs, the refusal in the user's words after. Shared by the
// workspace forms (showProblem) and the public opinion form (its own dictionary).
import { type ReactNode, useState } from 'react';

/**
 * `run(work)` marks the form busy, clears the problem, awaits `work` and, if it throws, shows
 * `describe(error)`; `setProblem` is for the form's own checks before a request.
 */
export function useSubmit(describe: (error: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
}

/** A problem paragraph (`role="alert"`), nothing when there is none. */
export function Problem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="problem" role="alert">
      {problem}
    </p>
  );
}

/**
 * A form's actions row (other buttons first, then the primary submit button) and its problem under
 * it.
 */
export function SubmitRow(props: {
  label: string;
  /** `data-action` of the submit button */
  action?: string;
  disabled: boolean;
  problem: string | null;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="actions">
        {props.children}
        <button
          type="submit"
          className="primary"
          data-action={props.action}
          disabled={props.disabled}
        >
          {props.label}
        </button>
      </div>
      <Problem problem={props.problem} />
    </>
  );
}
