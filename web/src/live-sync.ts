// Live mode's outbox. Every note is written to this device first (localStorage, one entry per
// interview and question) and then sent to the server: a POST the first time, a PATCH after. A
// failed send (no connection, the server away, the phone asleep) leaves the note here, marked
// unsent, and is tried again with growing pauses, when the browser says it is back online, when
// the page becomes visible again, and on the next load. Referrals caught without a connection
// wait here the same way; the server takes the same referral twice without harm.
import { ApiError, api, type Referral, type ReferralInput } from './api';
import type { InsightKind } from '../../src/domain/types';

export interface LiveNote {
  /** Which box it belongs to: `q:<question key>`, `free` or `resume`. */
  key: string;
  questionId: string | null;
  /** Put before the text sent, so a note on a question added on the spot still says what was asked. */
  prefix: string;
  text: string;
  kinds: InsightKind[];
  serverId: string | null;
  /** Bumped by every edit; the note is unsent while `rev > sentRev`. */
  rev: number;
  sentRev: number;
  /** Why the server refused it (not a lost connection); cleared by the next edit. */
  error: string | null;
}

export interface PendingReferral extends ReferralInput {
  localId: string;
}

export type SaveState = 'saved' | 'saving' | 'local' | 'error';

export interface OutboxSnapshot {
  notes: Record<string, LiveNote>;
  referrals: PendingReferral[];
  state: SaveState;
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const DEBOUNCE_MS = 700;

export const livePrefix = (interviewId: string) => `coffeechat:live:${interviewId}:`;

/** localStorage that never throws (private mode, a full quota): the page keeps working from memory. */
export const storage = {
  get<T>(key: string): T | null {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // out of space or storage disabled: the note stays in memory and is still sent
    }
  },
  keys(prefix: string): string[] {
    const out: string[] = [];
    try {
      for (let i = 0; i < window.localStorage.length; i++) {
        const k = window.localStorage.key(i);
        if (k?.startsWith(prefix)) out.push(k);
      }
    } catch {
      // no storage
    }
    return out;
  },
};

const unreachable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500;

export class LiveOutbox {
  private notes: Record<string, LiveNote> = {};
  private referrals: PendingReferral[] = [];
  private inFlight = new Set<string>();
  private failed = false;
  private attempt = 0;
  private timer: number | undefined;
  private listeners = new Set<() => void>();
  private snap: OutboxSnapshot;
  private readonly prefix: string;
  /** Told after a queued referral reaches the server. */
  onReferralSent: ((r: Referral) => void) | null = null;

  constructor(private readonly interviewId: string) {
    this.prefix = livePrefix(interviewId);
    for (const k of storage.keys(this.prefix + 'note:')) {
      const n = storage.get<LiveNote>(k);
      if (n && typeof n.key === 'string') this.notes[n.key] = { ...n, error: n.error ?? null };
    }
    this.referrals = storage.get<PendingReferral[]>(this.prefix + 'referrals') ?? [];
    this.snap = this.makeSnapshot();
  }

  // ------------------------------------------------------------------ for React (useSyncExternalStore)

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): OutboxSnapshot => this.snap;

  private changed(): void {
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }

  private makeSnapshot(): OutboxSnapshot {
    const unsent = Object.values(this.notes).some((n) => n.rev > n.sentRev && !n.error) || this.referrals.length > 0;
    const refused = Object.values(this.notes).some((n) => n.error);
    const state: SaveState = refused ? 'error' : this.inFlight.size ? 'saving' : unsent ? (this.failed ? 'local' : 'saving') : 'saved';
    return { notes: { ...this.notes }, referrals: [...this.referrals], state };
  }

  /** Whether anything is still only on this device. */
  get pending(): boolean {
    return Object.values(this.notes).some((n) => n.rev > n.sentRev) || this.referrals.length > 0;
  }

  // ------------------------------------------------------------------ edits

  edit(key: string, change: { text?: string; kinds?: InsightKind[]; questionId?: string | null; prefix?: string }): void {
    const cur: LiveNote = this.notes[key] ?? {
      key,
      questionId: change.questionId ?? null,
      prefix: change.prefix ?? '',
      text: '',
      kinds: [],
      serverId: null,
      rev: 0,
      sentRev: 0,
      error: null,
    };
    const next: LiveNote = {
      ...cur,
      text: change.text ?? cur.text,
      kinds: change.kinds ?? cur.kinds,
      rev: cur.rev + 1,
      error: null,
    };
    this.notes[key] = next;
    storage.set(this.prefix + 'note:' + key, next);
    this.changed();
    this.schedule(DEBOUNCE_MS);
  }

  /**
   * Sends a referral now; without a connection it waits here and is sent later ('queued'). The
   * server's refusal (a bad e-mail address) is thrown, so the form can show it.
   */
  async addReferral(input: ReferralInput): Promise<{ queued: false; referral: Referral & { matched: boolean } } | { queued: true }> {
    try {
      const referral = await api.live.addReferral(this.interviewId, input);
      return { queued: false, referral };
    } catch (e) {
      if (!unreachable(e)) throw e;
      this.referrals.push({ ...input, localId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
      storage.set(this.prefix + 'referrals', this.referrals);
      this.failed = true;
      this.changed();
      this.schedule(RETRY_MS[0]!);
      return { queued: true };
    }
  }

  // ------------------------------------------------------------------ sending

  private schedule(ms: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), ms);
  }

  /** Sends everything unsent now; resolves once every send has finished (or failed). */
  async flush(): Promise<void> {
    window.clearTimeout(this.timer);
    const notes = Object.values(this.notes).filter((n) => n.rev > n.sentRev && !n.error && !this.inFlight.has(n.key));
    const results = await Promise.all([...notes.map((n) => this.sendNote(n.key)), ...this.referrals.map((r) => this.sendReferral(r))]);
    const ok = results.every(Boolean);
    this.failed = !ok;
    this.attempt = ok ? 0 : this.attempt + 1;
    this.changed();
    if (!ok) this.schedule(RETRY_MS[Math.min(this.attempt - 1, RETRY_MS.length - 1)]!);
    else if (Object.values(this.notes).some((n) => n.rev > n.sentRev && !n.error)) this.schedule(DEBOUNCE_MS);
  }

  /** False when the server could not be reached (try again later); true otherwise. */
  private async sendNote(key: string): Promise<boolean> {
    const n = this.notes[key];
    if (!n) return true;
    this.inFlight.add(key);
    this.changed();
    const rev = n.rev;
    const text = n.text.trim() ? n.prefix + n.text : '';
    let serverId = n.serverId;
    try {
      if (!text) {
        // Emptied: a note with no words is removed rather than kept blank.
        if (serverId) await api.notes.remove(serverId).catch((e: unknown) => ignore404(e));
        serverId = null;
      } else if (serverId) {
        try {
          await api.live.updateNote(serverId, { text, kinds: n.kinds });
        } catch (e) {
          ignore404(e); // deleted elsewhere: write it again
          serverId = (await api.live.addNote({ interviewId: this.interviewId, questionId: n.questionId, text, kinds: n.kinds })).id;
        }
      } else {
        serverId = (await api.live.addNote({ interviewId: this.interviewId, questionId: n.questionId, text, kinds: n.kinds })).id;
      }
      this.settle(key, { serverId, sentRev: rev, error: null });
      return true;
    } catch (e) {
      if (unreachable(e)) return false;
      this.settle(key, { error: e instanceof Error ? e.message : 'The server refused this note.' });
      return true;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private settle(key: string, change: Partial<LiveNote>): void {
    const cur = this.notes[key];
    if (!cur) return;
    const next = { ...cur, ...change };
    this.notes[key] = next;
    storage.set(this.prefix + 'note:' + key, next);
  }

  private async sendReferral(r: PendingReferral): Promise<boolean> {
    try {
      const { localId: _local, ...input } = r;
      const referral = await api.live.addReferral(this.interviewId, input);
      this.dropReferral(r.localId);
      this.onReferralSent?.(referral);
      return true;
    } catch (e) {
      if (unreachable(e)) return false;
      this.dropReferral(r.localId); // refused for good (it was checked when typed); nothing to retry
      return true;
    }
  }

  private dropReferral(localId: string): void {
    this.referrals = this.referrals.filter((x) => x.localId !== localId);
    storage.set(this.prefix + 'referrals', this.referrals);
  }

  // ------------------------------------------------------------------ life cycle

  /** Listens for the connection and the page coming back; returns the function that stops it. */
  start(): () => void {
    const again = () => {
      if (document.visibilityState === 'visible') void this.flush();
    };
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    window.addEventListener('pageshow', again);
    if (this.pending) void this.flush();
    return () => {
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('pageshow', again);
      window.clearTimeout(this.timer);
    };
  }
}

function ignore404(e: unknown): void {
  if (!(e instanceof ApiError && e.status === 404)) throw e;
}
