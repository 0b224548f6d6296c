// Stored addresses become links only when they are web addresses. Imports check this since issue 7,
// but a database filled earlier may still hold a `javascript:` or `data:` address in the LinkedIn
// field; those show as text. A LinkedIn address written without a scheme (as LinkedIn's own
// exports do) gets https:// instead of becoming a path on this server.
export function webHref(url: string | null | undefined): string | null {
  const u = url?.trim();
  if (!u) return null;
  if (/^https?:\/\/[^\s]+$/i.test(u)) return u;
  if (/^(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#][^\s]*)?$/i.test(u)) return `https://${u}`;
  return null;
}
