// Small hooks shared by the pages: the document title, debouncing, and keyboard shortcuts.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · coffeechat` : 'coffeechat';
  }, [title]);
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** True when a key press belongs to what the user is typing, so shortcuts must stay out of it. */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (t as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

/**
 * Runs `handler` when `key` is pressed outside any text field and without modifier keys. Pages
 * use it for their own shortcuts (`n` for "new"); the shell handles `/`, `?` and `g` sequences.
 */
export function useShortcut(key: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === key) {
        e.preventDefault();
        ref.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}

/**
 * After any write, everything shown may have changed (a touch moves an interview, which changes
 * Today, the board and Insights), so refetch all active queries. The API is local and fast.
 */
export function useRefreshAll(): (except?: readonly unknown[]) => Promise<void> {
  const qc = useQueryClient();
  // `except` leaves out the queries of something just deleted, which could only answer 404.
  return (except) => qc.invalidateQueries(except ? { predicate: (q) => !except.every((k, i) => q.queryKey[i] === k) } : undefined);
}

/** After a failed submit, move focus to the first field the server rejected. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error || !form.current) return;
    const el = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [error, form]);
}
