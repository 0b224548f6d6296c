// Small presentational pieces used across pages.
import type { ReactNode } from 'react';
import { ApiError, messageOf } from '../api';
import { INTERVIEW_STATUS_LABEL } from '../labels';
import type { InterviewStatus } from '../../../src/domain/types';

export function EmptyState({ title, children, headingLevel = 2 }: { title: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty">
      <H className="empty__title">{title}</H>
      {children}
    </div>
  );
}

export function StatusBadge({ status }: { status: InterviewStatus }) {
  return <span className={`badge badge--${status}`}>{INTERVIEW_STATUS_LABEL[status]}</span>;
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

/** A failed query: says what went wrong and offers to try again. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="load-error" role="alert">
      <p>{notFound ? 'This does not exist any more — it may have been deleted.' : messageOf(error)}</p>
      {retry && !notFound ? (
        <button type="button" className="button button--quiet" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
