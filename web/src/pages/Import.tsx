// Import: bring the user's network in from a LinkedIn, Google, Outlook or vCard export. Preview
// first (a dry run that saves nothing), then import the same file; the server writes all of it or
// nothing, and importing the same file again changes nothing.
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, messageOf, type ImportFormat, type ImportReport } from '../api';
import { useAnnounce } from '../components/Announcer';
import { FormError, SelectField } from '../components/Field';
import { plural } from '../format';
import { usePageTitle, useRefreshAll } from '../hooks';
import { IMPORT_FORMAT_LABEL, IMPORT_FORMATS } from '../labels';

/** The server refuses larger files (`payload_too_large`); checking first saves sending them. */
const MAX_BYTES = 50 * 1024 * 1024;
/** Row problems listed in full; past this, the rest are counted. */
const SHOWN_ERRORS = 100;

const FORMAT_NAME: Record<Exclude<ImportFormat, 'auto'>, string> = {
  linkedin: 'LinkedIn connections',
  google: 'a Google Contacts CSV',
  outlook: 'an Outlook contacts CSV',
  vcard: 'a vCard file',
  csv: 'a CSV file',
  json: 'a coffeechat JSON backup',
};

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return plural(bytes, 'byte');
}

type RowError = ImportReport['errors'][number];

/** The per-line problems an `import_failed` error may carry in `details.errors`. */
function rowErrorsOf(e: unknown): RowError[] {
  if (!(e instanceof ApiError)) return [];
  const list = (e.details as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (x): x is RowError =>
      typeof x === 'object' && x !== null && typeof (x as RowError).line === 'number' && typeof (x as RowError).message === 'string',
  );
}

/** What to tell the user when the server refused the file (on a preview, or on the import itself). */
function problemOf(e: unknown, dryRun: boolean): string {
  const lead = dryRun ? 'This file cannot be imported.' : 'Nothing was imported.';
  if (e instanceof ApiError) {
    if (e.status === 413 || e.code === 'payload_too_large') {
      return `${lead} It is too large: ${e.message} For LinkedIn, ask for the Connections file only; otherwise split the file and import the parts one by one.`;
    }
    if (e.status === 408) {
      return `${lead} The server took too long to read it and gave up. Split the file and import the parts one by one.`;
    }
    if (e.code === 'import_failed') return `${lead} ${e.message}`;
  }
  return messageOf(e);
}

/** True when importing would change nothing (everyone is already here, as they are). */
const nothingNew = (r: ImportReport) => r.created + r.updated + r.merged === 0;

export function ImportPage() {
  usePageTitle('Import contacts');
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [fileError, setFileError] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const announce = useAnnounce();
  const refresh = useRefreshAll();

  const preview = useMutation({
    mutationFn: (f: File) => api.contacts.import(f, { format, dryRun: true }, setSent),
    onMutate: () => setSent(0),
    onSuccess: (r) => {
      announce(
        nothingNew(r)
          ? 'Preview ready: everyone in this file is already in coffeechat.'
          : `Preview ready: ${plural(r.created, 'new contact')}, ${r.updated} to update. Nothing is saved until you import.`,
      );
    },
  });
  const run = useMutation({
    mutationFn: (f: File) => api.contacts.import(f, { format, dryRun: false }, setSent),
    onMutate: () => setSent(0),
    onSuccess: async (r) => {
      announce(
        `Imported: ${plural(r.created, 'new contact')}, ${r.updated} updated, ${r.unchanged} unchanged` +
          (r.skipped ? `; ${plural(r.skipped, 'row')} skipped.` : '.'),
      );
      await refresh();
    },
  });
  const busy = preview.isPending || run.isPending;

  useEffect(() => {
    if (preview.data) previewRef.current?.focus();
  }, [preview.data]);
  useEffect(() => {
    if (run.data) resultRef.current?.focus();
  }, [run.data]);

  /** A new file or format makes any earlier preview or result stale. */
  const reset = () => {
    preview.reset();
    run.reset();
    setFileError(null);
  };

  const startPreview = () => {
    if (!file) {
      setFileError('Choose the file to import first.');
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(`This file is ${size(file.size)}; coffeechat imports files of up to 50 MB. Split it and import the parts one by one.`);
      fileRef.current?.focus();
      return;
    }
    run.reset();
    preview.mutate(file);
  };

  const startOver = () => {
    reset();
    setFile(null);
    if (fileRef.current) {
      fileRef.current.value = '';
      fileRef.current.focus();
    }
  };

  const hintId = `${fileId}-hint`;
  const errId = `${fileId}-err`;

  return (
    <div className="page page--narrow import-page">
      <h1>Import contacts</h1>
      <p className="lede">
        Bring in the people you already know. You see what would change before anything is saved, and importing the same file again changes
        nothing.
      </p>

      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Get your contacts file</h2>
        <dl className="sources">
          <div>
            <dt>LinkedIn</dt>
            <dd>
              Open <strong>Settings &amp; Privacy → Data privacy → Get a copy of your data</strong>, choose <strong>Connections</strong> and
              request the archive. LinkedIn e-mails you a download link, usually within minutes. Choose the .zip as it is, or the
              Connections.csv inside it. Many connections hide their e-mail address, so expect some to have none.
            </dd>
          </div>
          <div>
            <dt>Google Contacts</dt>
            <dd>
              On contacts.google.com, choose <strong>Export</strong>, then <strong>Google CSV</strong>.
            </dd>
          </div>
          <div>
            <dt>Outlook</dt>
            <dd>
              In People, choose <strong>Manage contacts → Export contacts</strong> and save them as a CSV file.
            </dd>
          </div>
          <div>
            <dt>coffeechat</dt>
            <dd>A JSON backup, or a CSV or vCard exported from coffeechat (below): every field comes back, with introductions.</dd>
          </div>
          <div>
            <dt>A phone</dt>
            <dd>
              In the Contacts app, select the people (or all of them) and <strong>share or export them as a .vcf file</strong>, then send it
              to this computer, by e-mail for instance.
            </dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="choose-title">
        <h2 id="choose-title">Choose the file</h2>
        <form
          className="form"
          aria-labelledby="choose-title"
          aria-busy={busy}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            startPreview();
          }}
        >
          <div className={'field' + (fileError ? ' field--error' : '')}>
            <label htmlFor={fileId}>Contacts file</label>
            <p className="hint" id={hintId}>
              A .csv, .vcf, .zip or .txt file of up to 50 MB.
            </p>
            <input
              ref={fileRef}
              id={fileId}
              type="file"
              name="file"
              accept=".csv,.vcf,.zip,.txt,.json"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${hintId} ${errId}` : hintId}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            {fileError ? (
              <p className="error" id={errId}>
                {fileError}
              </p>
            ) : null}
          </div>
          <SelectField<ImportFormat>
            label="Kind of file"
            hint="coffeechat recognises the usual exports by their columns. Choose one only if it guesses wrong."
            value={format}
            disabled={busy}
            onChange={(f) => {
              setFormat(f);
              reset();
            }}
            options={IMPORT_FORMATS.map((f) => ({ value: f, label: IMPORT_FORMAT_LABEL[f] }))}
          />
          <Refusal error={preview.error} dryRun />
          {preview.isPending ? <Progress id={`${fileId}-progress`} sent={sent} what={file?.name ?? 'the file'} verb="Checking" /> : null}
          {!preview.data ? (
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={busy}>
                {preview.isPending ? 'Checking…' : 'Preview'}
              </button>
              <span className="muted small">Nothing is saved yet.</span>
            </div>
          ) : null}
        </form>
      </section>

      {preview.data && file && !run.data ? (
        <section className="panel" aria-labelledby="preview-title">
          <h2 id="preview-title" ref={previewRef} tabIndex={-1}>
            Preview: nothing saved yet
          </h2>
          <p>
            {file.name} reads as {preview.data.format ? FORMAT_NAME[preview.data.format] : 'a contacts file'}, with{' '}
            {plural(preview.data.rows, 'row')}.
          </p>
          <ReportTable report={preview.data} caption={`What importing ${file.name} would do`} dryRun />
          {preview.data.errors.length ? <RowErrors errors={preview.data.errors} title="Rows that will be skipped" /> : null}
          {nothingNew(preview.data) ? (
            <>
              <p>Everyone in this file is already in coffeechat, as they are: importing it would change nothing.</p>
              <div className="button-row">
                <Link className="button button--primary" to="/contacts">
                  Go to your contacts
                </Link>
                <button type="button" className="button button--quiet" onClick={startOver}>
                  Choose another file
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="muted small">
                Imported people start as acquaintances: often the most helpful people to ask. Duplicates are merged with the contacts you
                already have.
              </p>
              <Refusal error={run.error} dryRun={false} />
              {run.isPending ? <Progress id={`${fileId}-import-progress`} sent={sent} what={file.name} verb="Importing" /> : null}
              <div className="button-row">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => run.mutate(file)}>
                  {run.isPending ? 'Importing…' : 'Import'}
                </button>
                <button type="button" className="button button--quiet" disabled={busy} onClick={startOver}>
                  Choose another file
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}

      {run.data && file ? (
        <section className="panel" aria-labelledby="result-title">
          <h2 id="result-title" ref={resultRef} tabIndex={-1}>
            Imported {file.name}
          </h2>
          <ReportTable report={run.data} caption={`What importing ${file.name} did`} />
          {run.data.errors.length ? <RowErrors errors={run.data.errors} title="Rows skipped" /> : null}
          <p>
            Next, open a <Link to="/campaigns">campaign</Link> to see whom to ask first.
          </p>
          <div className="button-row">
            <Link className="button button--primary" to="/contacts?sort=-updated">
              See them in your contacts
            </Link>
            <button type="button" className="button button--quiet" onClick={startOver}>
              Import another file
            </button>
          </div>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export your network</h2>
        <p className="muted">Everyone you know, to keep or to take elsewhere. Nothing leaves this computer unless you send the file.</p>
        <ul className="export-links">
          <li>
            <a className="button" href="/api/v1/export?format=json" download>
              JSON backup
            </a>{' '}
            every field, work history and introductions; import it here to restore them
          </li>
          <li>
            <a className="button" href="/api/v1/export?format=vcard" download>
              vCard (.vcf)
            </a>{' '}
            for phones and address books
          </li>
          <li>
            <a className="button" href="/api/v1/export?format=csv" download>
              CSV
            </a>{' '}
            for spreadsheets; cells that a spreadsheet would run as formulas are made safe
          </li>
        </ul>
      </section>
    </div>
  );
}

/** Why the server refused the file, with the lines it named. */
function Refusal({ error, dryRun }: { error: unknown; dryRun: boolean }) {
  const rows = rowErrorsOf(error);
  return (
    <>
      <FormError error={error ? problemOf(error, dryRun) : null} />
      {rows.length ? <RowErrors errors={rows} title="Rows with problems" /> : null}
    </>
  );
}

function Progress({ id, sent, what, verb }: { id: string; sent: number; what: string; verb: string }) {
  const uploading = sent < 1;
  return (
    <div className="upload-progress">
      <label htmlFor={id}>{uploading ? `Sending ${what}… ${Math.round(sent * 100)}%` : `${verb} the contacts in ${what}…`}</label>
      {/* Without a value the bar shows activity: the server is reading the rows. */}
      <progress id={id} max={1} value={uploading ? sent : undefined} />
    </div>
  );
}

function ReportTable({ report, caption, dryRun }: { report: ImportReport; caption: string; dryRun?: boolean }) {
  const rows: { label: string; value: number; hint?: string }[] = [
    { label: dryRun ? 'New contacts to add' : 'New contacts added', value: report.created },
    {
      label: dryRun ? 'Contacts to update' : 'Contacts updated',
      value: report.updated,
      hint: 'already here; new e-mails, phones or a new job filled in',
    },
    { label: 'Already here, unchanged', value: report.unchanged },
    { label: 'Duplicates in the file, merged', value: report.merged, hint: 'the same person on more than one row' },
    { label: dryRun ? 'Rows to skip' : 'Rows skipped', value: report.skipped, hint: report.skipped ? 'listed below' : undefined },
  ];
  return (
    <div className="table-wrap table-wrap--fit">
      <table className="table report">
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.label}
                {r.hint ? <span className="muted small report__hint"> ({r.hint})</span> : null}
              </th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Rows read</th>
            <td className="num">{report.rows}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function RowErrors({ errors, title }: { errors: RowError[]; title: string }) {
  const id = useId();
  const more = errors.length - SHOWN_ERRORS;
  return (
    <div className="row-errors">
      <h3 id={id} className="h-small">
        {title} ({errors.length})
      </h3>
      <ul aria-labelledby={id}>
        {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
          <li key={i}>
            <strong>Line {e.line}:</strong> {e.message}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="muted small">…and {plural(more, 'more row')}.</p> : null}
    </div>
  );
}
