// A file field whose button speaks the page's language: the browser's own button says "Choose File"
// in an English browser, whatever the page's language. The native input stays in the page and in
// the tab order (a form reads it by its name), out of sight behind our button.
import { useEffect, useRef, useState } from 'react';
import { useLang } from './i18n';

export function FilePick(props: {
  label: string;
  name: string;
  accept: string;
  required?: boolean;
  onFile?: (file: File | null) => void;
}) {
  const { t } = useLang();
  const [chosen, setChosen] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // a form's reset() empties the input: the name shown goes with it
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const cleared = () => setChosen(null);
    form.addEventListener('reset', cleared);
    return () => form.removeEventListener('reset', cleared);
  }, []);
  return (
    <div className="file-pick">
      <span>{props.label}</span>
      <label>
        <input
          ref={input}
          type="file"
          name={props.name}
          accept={props.accept}
          required={props.required}
          aria-label={props.label}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setChosen(file?.name ?? null);
            props.onFile?.(file);
          }}
        />
        <span className="button" aria-hidden="true">
          {t('chooseFile')}
        </span>
        <span className="file-name">{chosen ?? t('noFileChosen')}</span>
      </label>
    </div>
  );
}
