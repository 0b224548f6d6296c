// Log a touch: any contact with the person, either way. Logging a request, a reply, a thank-you
// or an update is also what moves their interview along, so this form is used often.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Channel, Direction, InterviewStatus, Purpose, Response } from '../../../src/domain/types';
import { api, fieldErrors, messageOf, type InterviewDetail } from '../api';
import { useRefreshAll, useFocusFirstInvalid } from '../hooks';
import {
  CHANNEL_LABEL,
  CHANNELS,
  DIRECTION_LABEL,
  INTERVIEW_STATUS_LABEL,
  PURPOSE_LABEL,
  PURPOSES,
  RESPONSE_LABEL,
  RESPONSES,
} from '../labels';
import { useAnnounce } from './Announcer';
import { FormError, SelectField, TextField, SubmitRow } from './Field';

const NEXT_PURPOSE: Partial<Record<InterviewStatus, Purpose>> = {
  prospect: 'request',
  requested: 'follow-up',
  held: 'thank-you',
  thanked: 'update',
  'in-touch': 'update',
};

interface Props {
  contactId: string;
  contactName: string;
  interviews: InterviewDetail[];
}

export function TouchForm({ contactId, contactName, interviews }: Props) {
  const [channel, setChannel] = useState<Channel>('email');
  const [direction, setDirection] = useState<Direction>('out');
  const [purpose, setPurposeState] = useState<Purpose>('request');
  const chosen = useRef(false);
  const setPurpose = (p: Purpose) => {
    chosen.current = true;
    setPurposeState(p);
  };
  // Until the user picks one, suggest the purpose their open conversation calls for next.
  const next = interviews.map((i) => NEXT_PURPOSE[i.status]).find(Boolean);
  useEffect(() => {
    if (next && !chosen.current) setPurposeState(next);
  }, [next]);
  const [response, setResponse] = useState<Response | ''>('');
  const [interviewId, setInterviewId] = useState('');
  const [at, setAt] = useState('');
  const [text, setText] = useState('');
  const [objection, setObjection] = useState('');
  const [answer, setAnswer] = useState('');
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);

  const log = useMutation({
    mutationFn: () =>
      api.touches.create({
        contactId,
        interviewId: interviewId || undefined,
        channel,
        direction,
        purpose,
        response: direction === 'in' && response ? response : undefined,
        at: at || undefined,
        text: text.trim() || undefined,
        objection: objection.trim() || undefined,
        objectionAnswer: answer.trim() || undefined,
      }),
    onMutate: () => setDone(null),
    onSuccess: async (t) => {
      setText('');
      setObjection('');
      setAnswer('');
      setAt('');
      setResponse('');
      await refresh();
      const fresh = t.interviewId ? await api.interviews.get(t.interviewId).catch(() => null) : null;
      const before = interviews.find((i) => i.id === t.interviewId);
      const moved =
        fresh && before && fresh.status !== before.status ? ` ${contactName} is now ${INTERVIEW_STATUS_LABEL[fresh.status]}.` : '';
      const msg = `Logged the ${PURPOSE_LABEL[t.purpose].toLowerCase()}.${moved}`;
      setDone(msg);
      announce(msg);
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, log.error);
  const errors = log.isError ? fieldErrors(log.error) : {};
  const placed = ['channel', 'direction', 'purpose', 'response', 'at', 'text', 'interviewId', 'objection', 'objectionAnswer'];
  const unplaced = log.isError && !Object.keys(errors).some((k) => placed.includes(k));

  return (
    <form
      ref={formRef}
      className="form"
      aria-labelledby="touch-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        log.mutate();
      }}
    >
      <h3 id="touch-title">Log a touch</h3>
      <fieldset className="radio-row">
        <legend>Who got in touch?</legend>
        {(['out', 'in'] as const).map((d) => (
          <label key={d} className="radio">
            <input
              type="radio"
              name={`direction-${contactId}`}
              value={d}
              checked={direction === d}
              onChange={() => {
                setDirection(d);
                if (d === 'in' && purpose !== 'reply') setPurposeState('reply');
                if (d === 'out' && purpose === 'reply') setPurposeState(next ?? 'request');
              }}
            />
            {DIRECTION_LABEL[d]}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <SelectField<Channel>
          label="Channel"
          value={channel}
          onChange={setChannel}
          error={errors.channel}
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
        />
        <SelectField<Purpose>
          label="Purpose"
          value={purpose}
          onChange={setPurpose}
          error={errors.purpose}
          options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABEL[p] }))}
        />
        {direction === 'in' ? (
          <SelectField<Response | ''>
            label="Their answer"
            value={response}
            onChange={setResponse}
            error={errors.response}
            options={[
              { value: '', label: 'Not an answer to a request' },
              ...RESPONSES.map((r) => ({ value: r, label: RESPONSE_LABEL[r] })),
            ]}
          />
        ) : null}
        {interviews.length > 1 ? (
          <SelectField
            label="About"
            value={interviewId}
            onChange={setInterviewId}
            error={errors.interviewId}
            options={[
              { value: '', label: 'Their open conversation' },
              ...interviews.map((i) => ({ value: i.id, label: `${i.campaignField} (${INTERVIEW_STATUS_LABEL[i.status]})` })),
            ]}
          />
        ) : null}
        <TextField label="When" type="datetime-local" hint="Leave empty for now." value={at} onChange={setAt} error={errors.at} />
      </div>
      <TextField
        label="What was said"
        hint="Optional: the message, or a line about the call."
        multiline
        rows={3}
        value={text}
        onChange={setText}
        error={errors.text}
      />
      <div className="form-grid">
        <TextField
          label="Objection heard"
          hint="Optional: “I’m booked solid”, “we’re not hiring”…"
          value={objection}
          maxLength={2000}
          onChange={setObjection}
          error={errors.objection}
        />
        <TextField
          label="What you answered that worked"
          hint="Optional, with an objection: so you can say it again next time."
          value={answer}
          maxLength={2000}
          onChange={setAnswer}
          error={errors.objectionAnswer}
        />
      </div>
      <FormError error={unplaced ? messageOf(log.error) : null} />
      <SubmitRow label="Log touch" pendingLabel="Logging…" pending={log.isPending} done={done} />
    </form>
  );
}
