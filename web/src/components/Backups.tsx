// Settings → Backups: everyone downloads a JSON backup of all their data and can put one back; the
// local owner (and a server's admins) also see where the embedded database copies itself each day.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, messageOf, type BackupStatus } from '../api';
import { useUser } from '../auth';
import { useFormatters } from '../format';
import { useRefreshAll } from '../hooks';
import { LoadError, Loading } from './common';
import { FormError, Status } from './Field';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function Backups() {
  const user = useUser();
  // The folder is a path on the server's disk: only whoever runs it sees it.
  const seesFolder = !user || user.role === 'owner' || user.role === 'admin';
  return (
    <section className="panel backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        A backup holds all your data: contacts, campaigns, interviews, notes, plans, prep sheets, outcomes and settings.{' '}
        <a className="button" href={api.backups.downloadUrl} download>
          Download a backup (JSON)
        </a>
      </p>
      {seesFolder ? <AutomaticBackups /> : null}
      <RestoreForm />
    </section>
  );
}

function AutomaticBackups() {
  const status = useQuery({ queryKey: ['backups'], queryFn: api.backups.status });
  if (status.isPending) return <Loading what="Loading the backups" />;
  if (status.isError) return <LoadError error={status.error} retry={() => void status.refetch()} />;
  return <BackupList status={status.data} />;
}

function BackupList({ status }: { status: BackupStatus }) {
  const f = useFormatters();
  if (!status.automatic) return <p className="hint">{status.note}</p>;
  return (
    <div>
      <p>
        The database copies itself once a day into <code data-testid="backup-folder">{status.folder}</code>; the last {status.keep} daily
        copies are kept. Copy that folder to another disk or a cloud drive to keep your data safe from a lost computer.
      </p>
      {status.backups.length === 0 ? (
        <p className="hint">No backup yet: the first is made when coffeechat next starts.</p>
      ) : (
        <table className="table" aria-label="Latest backups">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {status.backups.slice(0, 10).map((b) => (
              <tr key={b.file}>
                <td title={b.file}>{f.dateTime(b.at)}</td>
                <td>{b.automatic ? 'Daily' : 'By hand'}</td>
                <td>{size(b.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RestoreForm() {
  const [file, setFile] = useState<File | null>(null);
  const [force, setForce] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefreshAll();
  const restore = useMutation({
    mutationFn: () => api.backups.restore(file!, force),
    onMutate: () => setDone(null),
    onSuccess: async (r) => {
      const rows = Object.values(r.restored).reduce((a, b) => a + b, 0);
      setDone(`Restored ${rows} records${r.replaced ? ', replacing what was here' : ''}.`);
      await refresh();
    },
  });
  return (
    <form
      className="form"
      aria-label="Restore a backup"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) restore.mutate();
      }}
    >
      <h3>Restore a backup</h3>
      <p className="hint">Puts a JSON backup back. If you already have data here, tick “Replace” to swap it for the backup’s.</p>
      <FormError error={restore.isError ? messageOf(restore.error) : null} />
      <label>
        Backup file
        <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} />
        Replace the data I have here
      </label>
      <button type="submit" className="button" disabled={!file || restore.isPending}>
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
      <Status message={done} />
    </form>
  );
}
