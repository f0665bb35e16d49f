import { useState } from 'react';
import type { WidthRange } from '../../../domain/zones/rules';
import { useWt } from '../messages';

const NONE = 'none';

/** Whole metres of a range: the dropdown's values. */
function wholeMetres(range: WidthRange): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(range.min); v <= Math.floor(range.max); v++) out.push(v);
  return out;
}

/**
 * A width: a dropdown of the allowed whole metres (the current value too, when it is not one of
 * them), and a field for any other value; `onTry` applies a value or returns why it is refused.
 */
export function WidthField(props: {
  name: string;
  label: string;
  range: WidthRange;
  value: number | null;
  /** what an unset value means (the rule's default); without it, unset is offered as `none` */
  fallback?: number;
  none?: string;
  onTry: (value: number | null) => string | null;
}) {
  const t = useWt();
  const [typed, setTyped] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const shown = props.value ?? props.fallback ?? null;
  const values = wholeMetres(props.range);
  if (shown !== null && !values.includes(shown)) values.push(shown);
  const attempt = (v: number | null) => setRefusal(props.onTry(v));
  const submitTyped = () => {
    const v = Number(typed.replace(',', '.'));
    if (typed.trim() === '' || !Number.isFinite(v)) return;
    attempt(v);
  };
  return (
    <div className="width-field" data-field={props.name}>
      <label>
        {props.label}
        <select
          name={props.name}
          value={shown === null ? NONE : String(shown)}
          onChange={(e) => attempt(e.target.value === NONE ? null : Number(e.target.value))}
        >
          {props.none && <option value={NONE}>{props.none}</option>}
          {values
            .sort((a, b) => a - b)
            .map((v) => (
              <option key={v} value={v}>
                {v} m
              </option>
            ))}
        </select>
      </label>
      <span className="typed">
        <input
          type="number"
          inputMode="decimal"
          step="any"
          name={`${props.name}-typed`}
          aria-label={`${props.label} · ${t('editOtherValue')}`}
          placeholder={t('editOtherValue')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submitTyped();
            }
          }}
        />
        <button type="button" onClick={submitTyped}>
          {t('editApply')}
        </button>
      </span>
      {refusal && (
        <p className="problem refused" role="alert">
          {t('editRefusedValue')}
          {refusal}
        </p>
      )}
    </div>
  );
}
