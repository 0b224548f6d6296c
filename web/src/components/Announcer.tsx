// One polite live region for the whole app: confirmations of things whose own control may have
// moved or disappeared (a card moved to another column, a contact deleted) are spoken and shown
// here for a few seconds.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

interface Message {
  id: number;
  text: string;
  tone: 'ok' | 'error';
}

const Ctx = createContext<(text: string, tone?: 'ok' | 'error') => void>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [msg, setMsg] = useState<Message | null>(null);
  const announce = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => {
    setMsg((m) => ({ id: (m?.id ?? 0) + 1, text, tone }));
  }, []);
  useEffect(() => {
    if (!msg) return;
    const t = window.setTimeout(() => setMsg((m) => (m?.id === msg.id ? null : m)), 6000);
    return () => window.clearTimeout(t);
  }, [msg]);
  const value = useMemo(() => announce, [announce]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {msg ? (
          <p key={msg.id} className={'toast toast--' + msg.tone}>
            {msg.text}
            <button type="button" className="toast-close" aria-label="Dismiss message" onClick={() => setMsg(null)}>
              ×
            </button>
          </p>
        ) : null}
      </div>
    </Ctx.Provider>
  );
}

export function useAnnounce() {
  return useContext(Ctx);
}
