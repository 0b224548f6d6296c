// One note box of live mode with the five kinds of insight as toggle chips. The page handles the
// one-key shortcuts (1–5, or Alt+1–5 while typing) and calls the same toggle.
import { useId, type Ref } from 'react';
import type { InsightKind } from '../../../src/domain/types';
import { INSIGHT_KINDS, INSIGHT_LABEL } from '../labels';
import type { LiveNote } from '../live-sync';

export function toggleKind(kinds: InsightKind[], kind: InsightKind): InsightKind[] {
  return kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
}

export function LiveNoteBox({
  label,
  note,
  onText,
  onKinds,
  showKinds = true,
  textRef,
}: {
  label: string;
  note: LiveNote | undefined;
  onText: (text: string) => void;
  onKinds: (kinds: InsightKind[]) => void;
  showKinds?: boolean;
  textRef?: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  const kinds = note?.kinds ?? [];
  return (
    <div className="live-note">
      <label htmlFor={id} className="live-note__label">
        {label}
      </label>
      <textarea
        id={id}
        ref={textRef}
        className="live-note__text"
        rows={5}
        value={note?.text ?? ''}
        onChange={(e) => onText(e.target.value)}
        aria-describedby={note?.error ? `${id}-err` : undefined}
      />
      {note?.error ? (
        <p className="error small" id={`${id}-err`} role="alert">
          Not saved on the server: {note.error}
        </p>
      ) : null}
      {showKinds ? (
        <div className="live-chips" role="group" aria-label={`Kinds of insight for ${label.toLowerCase()}`}>
          {INSIGHT_KINDS.map((k, i) => (
            <button
              key={k}
              type="button"
              className="live-chip"
              aria-pressed={kinds.includes(k)}
              aria-keyshortcuts={`${i + 1} Alt+${i + 1}`}
              onClick={() => onKinds(toggleKind(kinds, k))}
            >
              <kbd aria-hidden="true">{i + 1}</kbd> {INSIGHT_LABEL[k]}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
