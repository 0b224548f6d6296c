// Setting (or moving) an interview's meeting: day, time and the zone it is read in, length, how
// you meet, and where. The server decides what is valid (a past time, an unknown zone, a bad
// link) and its messages appear beside the field they are about.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { MeetingMode } from '../../../src/domain/types';
import { fieldErrors, keys, messageOf, api, scheduleApi, type InterviewDetail, type ScheduledInterview } from '../api';
import { useFormatters } from '../format';
import { useFocusFirstInvalid, useRefreshAll } from '../hooks';
import { useAnnounce } from './Announcer';
import { Loading } from './common';
import { explain, FormError, TextField } from './Field';

/** Past this many minutes the ask stops being "a short chat" (the server warns too). */
const LONG_MINUTES = 30;

const MODES: { value: MeetingMode; label: string }[] = [
  { value: 'in-person', label: 'In person' },
  { value: 'coffee', label: 'Over coffee' },
  { value: 'breakfast', label: 'Over breakfast' },
  { value: 'video', label: 'Video call' },
  { value: 'phone', label: 'Phone call' },
];

const FIELDS = ['at', 'timezone', 'minutes', 'mode', 'place', 'link'];

function zoneList(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The wall-clock date and time of an instant in a zone, as the date and time inputs want them. */
function localInputs(iso: string | null, zone: string): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
    return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
  } catch {
    return { date: '', time: '' };
  }
}

export function ScheduleForm({ interview }: { interview: InterviewDetail }) {
  const settings = useQuery({ queryKey: keys.settings, queryFn: api.settings.get, staleTime: 60_000 });
  if (settings.isPending) return <Loading what="Loading your time zone" />;
  const userZone = settings.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return <Form key={interview.id} interview={interview} userZone={userZone} />;
}

function Form({ interview, userZone }: { interview: InterviewDetail; userZone: string }) {
  const startZone = interview.timezone ?? userZone;
  const start = localInputs(interview.scheduledAt, startZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [zone, setZone] = useState(startZone);
  const [minutes, setMinutes] = useState(String(interview.minutes || 20));
  const [mode, setMode] = useState<MeetingMode>(interview.mode ?? 'in-person');
  const [place, setPlace] = useState(interview.place ?? '');
  const [link, setLink] = useState(interview.link ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<ScheduledInterview | null>(null);
  const refresh = useRefreshAll();
  const announce = useAnnounce();
  const f = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  const save = useMutation({
    mutationFn: () =>
      scheduleApi.schedule(interview.id, {
        at: `${date}T${time}`,
        timezone: zone.trim(),
        minutes: Number(minutes),
        mode,
        place: mode === 'video' ? null : place.trim() || null,
        link: mode === 'video' ? link.trim() || null : null,
      }),
    onMutate: () => setSaved(null),
    onSuccess: async (s) => {
      setSaved(s);
      announce(`${interview.contactName}: meeting set for ${s.localTime}.`);
      await refresh();
    },
  });
  useFocusFirstInvalid(formRef, save.error ?? (Object.keys(missing).length ? missing : null));

  const errors = { ...(save.isError ? fieldErrors(save.error) : {}), ...missing };
  const unplaced = save.isError && !FIELDS.some((k) => k in errors);
  const minutesNumber = Number(minutes);
  const long = Number.isFinite(minutesNumber) && minutesNumber > LONG_MINUTES;
  const meetingId = `${ids}-meeting`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const need: Record<string, string> = {};
    if (!date) need.date = 'is required';
    if (!time) need.time = 'is required';
    setMissing(need);
    if (Object.keys(need).length) return;
    save.mutate();
  };

  const whenError = errors.at ?? null;
  const whenErrorId = whenError ? `${ids}-at-err` : undefined;
  const inOtherZone = saved && saved.timezone && saved.timezone !== userZone && saved.scheduledAt;

  return (
    <form ref={formRef} className="form schedule-form" aria-labelledby={meetingId} noValidate onSubmit={submit}>
      <h2 id={meetingId}>{interview.scheduledAt ? 'Meeting' : 'Schedule the meeting'}</h2>
      <FormError error={save.isError && unplaced ? messageOf(save.error) : null} />
      <fieldset>
        <legend>When</legend>
        <div className="form-grid schedule-form__when">
          <DateTimeInput label="Date" type="date" value={date} onChange={setDate} error={errors.date} whenErrorId={whenErrorId} />
          <DateTimeInput label="Time" type="time" value={time} onChange={setTime} error={errors.time} whenErrorId={whenErrorId} />
          <TextField
            label="Time zone"
            hint={zone === userZone ? 'Your own zone.' : `Not your zone (${userZone}); the meeting is on their clock.`}
            value={zone}
            onChange={setZone}
            error={errors.timezone}
            list={`${ids}-zones`}
            autoComplete="off"
          />
        </div>
        <datalist id={`${ids}-zones`}>
          {zoneList().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {whenError ? (
          <p className="error" id={whenErrorId}>
            {explain('The date and time', whenError)}
          </p>
        ) : null}
      </fieldset>

      <TextField
        label="Length in minutes"
        type="number"
        value={minutes}
        onChange={setMinutes}
        error={errors.minutes}
        className="schedule-form__minutes"
        hint={
          long ? (
            <span className="schedule-form__warn">
              Over {LONG_MINUTES} minutes is a long ask for an informational interview; 20 is easier to say yes to.
            </span>
          ) : (
            'Twenty minutes is the usual ask: short enough to say yes to.'
          )
        }
      />

      <fieldset className="radio-row" aria-describedby={errors.mode ? `${ids}-mode-err` : `${ids}-mode-hint`}>
        <legend>How you meet</legend>
        <p className="hint" id={`${ids}-mode-hint`}>
          In person is best when you can: a face and a coffee are remembered long after a call.
        </p>
        {MODES.map((m) => (
          <label key={m.value} className="radio">
            <input type="radio" name={`${ids}-mode`} value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
            <span>
              {m.label}
              {m.value === 'in-person' ? <span className="muted small"> (preferred)</span> : null}
            </span>
          </label>
        ))}
        {errors.mode ? (
          <p className="error" id={`${ids}-mode-err`}>
            {explain('The way you meet', errors.mode)}
          </p>
        ) : null}
      </fieldset>

      {mode === 'video' ? (
        <TextField
          label="Video link"
          type="url"
          hint="The address of the call, starting with https://."
          value={link}
          onChange={setLink}
          error={errors.link}
          autoComplete="url"
        />
      ) : (
        <TextField
          label={mode === 'phone' ? 'Phone details' : 'Place'}
          hint={mode === 'phone' ? 'Who calls whom, and the number.' : 'Name and address, so it lands in the calendar entry.'}
          value={place}
          onChange={setPlace}
          error={errors.place}
        />
      )}

      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : interview.scheduledAt ? 'Save the new time' : 'Schedule'}
        </button>
      </div>
      <div role="status" className="schedule-form__result">
        {saved ? (
          <>
            <p className="status-msg">
              Scheduled for {saved.localTime}
              {inOtherZone ? ` (${f.dateTime(saved.scheduledAt)} in your zone)` : ''}.
            </p>
            {saved.warning ? <p className="schedule-form__warn">{saved.warning}</p> : null}
          </>
        ) : null}
      </div>
      {interview.scheduledAt || saved ? (
        <p>
          <a className="button button--quiet" href={scheduleApi.icsHref(interview.id)} download>
            Download the calendar file (.ics)
          </a>
        </p>
      ) : null}
    </form>
  );
}

interface DateTimeProps {
  label: string;
  type: 'date' | 'time';
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  /** Set when the server refused the date and time together (a past time): the id of its message. */
  whenErrorId: string | undefined;
}

/** A native date or time input with its label and error wired like the shared fields. */
function DateTimeInput({ label, type, value, onChange, error, whenErrorId }: DateTimeProps) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', whenErrorId ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={'field' + (error || whenErrorId ? ' field--error' : '')}>
      <label htmlFor={id}>
        {label}
        <span className="req"> (required)</span>
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required
        aria-invalid={error || whenErrorId ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="error" id={`${id}-err`}>
          {explain(label, error)}
        </p>
      ) : null}
    </div>
  );
}
