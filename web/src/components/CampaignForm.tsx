// Create or edit a campaign: the field to explore, the user's situation, and the objective.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Campaign, Situation } from '../../../src/domain/types';
import { useFocusFirstInvalid } from '../hooks';
import { api, fieldErrors, messageOf } from '../api';
import { SITUATION_LABEL, SITUATIONS } from '../labels';
import { FormError, SelectField, TextField } from './Field';

interface Props {
  campaign?: Campaign;
  onSaved: (c: Campaign) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  headingId?: string;
}

export function CampaignForm({ campaign, onSaved, onCancel, autoFocus, headingId }: Props) {
  const [field, setField] = useState(campaign?.field ?? '');
  const [situation, setSituation] = useState<Situation>(campaign?.situation ?? 'career-change');
  const [objective, setObjective] = useState(campaign?.objective ?? '');
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) fieldRef.current?.focus();
  }, [autoFocus]);
  const save = useMutation({
    mutationFn: () => {
      const body = { field: field.trim(), situation, objective: objective.trim() || null };
      return campaign ? api.campaigns.update(campaign.id, body) : api.campaigns.create(body);
    },
    onSuccess: onSaved,
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const errors = save.isError ? fieldErrors(save.error) : {};
  const unplaced = save.isError && !errors.field && !errors.situation && !errors.objective;
  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormError error={save.isError ? (unplaced ? messageOf(save.error) : 'Please check the fields marked below.') : null} />
      <TextField
        label="Field to explore"
        required
        hint="An industry, job or profession, e.g. “UX research in healthcare” or “municipal urban planning”."
        value={field}
        onChange={setField}
        error={errors.field}
        inputRef={fieldRef}
        autoComplete="off"
      />
      <SelectField<Situation>
        label="Your situation"
        hint="It tunes the questions coffeechat suggests."
        value={situation}
        onChange={setSituation}
        error={errors.situation}
        options={SITUATIONS.map((s) => ({ value: s, label: SITUATION_LABEL[s] }))}
      />
      <TextField
        label="Objective"
        hint="What do you want to find out? For example: whether my teaching experience transfers, and what to learn first."
        multiline
        rows={3}
        value={objective}
        onChange={setObjective}
        error={errors.objective}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : campaign ? 'Save changes' : 'Create campaign'}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
