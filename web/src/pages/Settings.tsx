// Settings: the user's name, time zone and country (for business days and holidays), and how
// persistently coffeechat suggests following up.
import { useState, useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FollowUpPreset } from '../../../src/domain/types';
import { api, fieldErrors, keys, messageOf, type AllSettings } from '../api';
import { LoadError, Loading } from '../components/common';
import { SmtpSettings } from '../components/SmtpSettings';
import { CalendarFeed } from '../components/CalendarFeed';
import { Backups } from '../components/Backups';
import { explain, FormError, Status, TextField } from '../components/Field';
import { usePageTitle, useRefreshAll, useFocusFirstInvalid } from '../hooks';
import { PRESET_HINT, PRESET_LABEL, PRESETS } from '../labels';

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function SettingsPage() {
  usePageTitle('Settings');
  const settings = useQuery({ queryKey: keys.settings, queryFn: api.settings.get });
  return (
    <div className="page page--narrow">
      <h1>Settings</h1>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} retry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm initial={settings.data} /> : null}
      {settings.data ? <SmtpSettings initial={settings.data} /> : null}
      <CalendarFeed />
      <Backups />
    </div>
  );
}

function SettingsForm({ initial }: { initial: AllSettings }) {
  const [name, setName] = useState(initial.name ?? '');
  const [timezone, setTimezone] = useState(initial.timezone);
  const [country, setCountry] = useState(initial.country ?? '');
  const [preset, setPreset] = useState<FollowUpPreset>(initial.followUpPreset);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const save = useMutation({
    mutationFn: () =>
      api.settings.update({
        name: name.trim() || null,
        timezone: timezone.trim(),
        country: country.trim() || null,
        followUpPreset: preset,
      }),
    onMutate: () => setSaved(null),
    onSuccess: async (s) => {
      setName(s.name ?? '');
      setTimezone(s.timezone);
      setCountry(s.country ?? '');
      setPreset(s.followUpPreset);
      setSaved('Settings saved.');
      await refresh();
    },
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const errors = save.isError ? fieldErrors(save.error) : {};
  const unplaced = save.isError && !['name', 'timezone', 'country', 'followUpPreset'].some((k) => k in errors);

  return (
    <form
      ref={formRef}
      className="form"
      aria-label="Settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormError
        error={save.isError ? (unplaced ? messageOf(save.error) : 'Some settings were not saved; see the notes beside them.') : null}
      />
      <section aria-labelledby="you-title">
        <h2 id="you-title">You</h2>
        <TextField
          label="Your name"
          hint="Used to sign drafts and briefs."
          value={name}
          onChange={setName}
          error={errors.name}
          autoComplete="name"
        />
        <TextField
          label="Time zone"
          hint={
            <>
              A time-zone name such as Europe/Paris or America/New_York. Reminders and business days follow it.
              {browserZone && browserZone !== timezone ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => setTimezone(browserZone)}>
                    Use this device’s zone ({browserZone})
                  </button>
                </>
              ) : null}
            </>
          }
          value={timezone}
          onChange={setTimezone}
          error={errors.timezone}
          list="tz-list"
          autoComplete="off"
        />
        <datalist id="tz-list">
          {zones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextField
          label="Country"
          hint="A two-letter code such as US, GB or DE (optionally with a region, DE-BY). Its public holidays are not counted as business days."
          value={country}
          onChange={(v) => setCountry(v.toUpperCase())}
          error={errors.country}
          maxLength={6}
          autoComplete="off"
        />
      </section>
      <section aria-labelledby="follow-title">
        <h2 id="follow-title">Following up</h2>
        <fieldset className="preset-list" aria-describedby={errors.followUpPreset ? 'preset-err' : undefined}>
          <legend>When someone does not answer your request</legend>
          {PRESETS.map((p) => (
            <label key={p} className="preset">
              <input
                type="radio"
                name="followUpPreset"
                value={p}
                checked={preset === p}
                onChange={() => setPreset(p)}
                aria-describedby={`preset-${p}-hint`}
              />
              <span>
                <strong>{PRESET_LABEL[p]}</strong>
                <span className="hint" id={`preset-${p}-hint`}>
                  {PRESET_HINT[p]}
                </span>
              </span>
            </label>
          ))}
          {errors.followUpPreset ? (
            <p className="error" id="preset-err">
              {explain('The follow-up routine', errors.followUpPreset)}
            </p>
          ) : null}
        </fieldset>
      </section>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <Status message={saved} />
      </div>
    </form>
  );
}
