// Readiness (`GET /api/v1/ready`), for a load balancer or an orchestrator: ready only when the
// database answers, quickly, with exactly the schema this build expects. Liveness is /health,
// which answers as long as the process does. Several instances share one PostgreSQL; while a newer
// one migrates it, the older ones stop being ready instead of serving against a schema they do not know.
import type { Store } from '../store/index.js';

export interface Readiness {
  ready: boolean;
  /** Why not, in words for the operator (no data, no connection string). */
  reason?: string;
  /** The database error behind "not answering": logged, never sent. */
  error?: string;
}

export async function readiness(store: Store, timeoutMs = 2000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const { pending, unknown } = await Promise.race([store.schemaStatus(), late]);
    if (unknown.length) return { ready: false, reason: `the database has migrations this build does not know (${unknown.join(', ')})` };
    if (pending.length) return { ready: false, reason: `${pending.length} migration(s) not applied yet` };
    return { ready: true };
  } catch (e) {
    // The error itself (host names, user names) is for the operator's log, not for whoever asks.
    return { ready: false, reason: 'the database is not answering', error: (e as Error).message.split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}
