// Add a note about a person or one conversation, tagged with the kinds of insight it holds.
import { useState, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { InsightKind } from '../../../src/domain/types';
import { api, fieldErrors, messageOf, type InterviewDetail } from '../api';
import { useRefreshAll, useFocusFirstInvalid } from '../hooks';
import { INSIGHT_KINDS, INSIGHT_LABEL, INTERVIEW_STATUS_LABEL } from '../labels';
import { FormError, SelectField, TextField, SubmitRow } from './Field';

interface Props {
  contactId: string;
  interviews: InterviewDetail[];
}

export function NoteForm({ contactId, interviews }: Props) {
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<InsightKind[]>([]);
  const [interviewId, setInterviewId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const add = useMutation({
    mutationFn: () => api.notes.create({ contactId, interviewId: interviewId || undefined, text, kinds }),
    onMutate: () => setDone(null),
    onSuccess: async () => {
      setText('');
      setKinds([]);
      setDone('Note added.');
      await refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, add.error);
  const errors = add.isError ? fieldErrors(add.error) : {};
  const unplaced = add.isError && !errors.text && !errors.kinds;
  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby="note-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="note-title">Add a note</h3>
      <TextField label="Note" multiline rows={4} required value={text} onChange={setText} error={errors.text} />
      <fieldset className="check-row">
        <legend>Kinds of insight</legend>
        {INSIGHT_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => setKinds((prev) => (e.target.checked ? [...prev, k] : prev.filter((x) => x !== k)))}
            />
            {INSIGHT_LABEL[k]}
          </label>
        ))}
        {errors.kinds ? <p className="error">{errors.kinds}</p> : null}
      </fieldset>
      {interviews.length > 0 ? (
        <SelectField
          label="From which conversation?"
          value={interviewId}
          onChange={setInterviewId}
          options={[
            { value: '', label: 'Not tied to a conversation' },
            ...interviews.map((i) => ({ value: i.id, label: `${i.campaignField} (${INTERVIEW_STATUS_LABEL[i.status]})` })),
          ]}
        />
      ) : null}
      <FormError error={unplaced ? messageOf(add.error) : null} />
      <SubmitRow label="Add note" pendingLabel="Adding…" pending={add.isPending} done={done} />
    </form>
  );
}
