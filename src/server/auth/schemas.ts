// The accounts routes' inputs, shared by the service (which validates with them) and the route
// list (which shows them in the OpenAPI document) without loading the authentication library.
import * as z from 'zod';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }));
const name = z.string().trim().min(1).max(200);
/** Checked against the password rule separately (passwords.ts); capped here so hashing stays cheap. */
const password = z.string().max(1000);

export const loginInput = z.object({ email: z.string().trim().toLowerCase().max(254), password });
export const setupInput = z.object({ token: z.string().max(200), email, name, password });
export const registerInput = z.object({ invitation: z.string().max(200), email, name, password });
export const resetInput = z.object({ email: z.string().max(254) });
export const confirmInput = z.object({ token: z.string().max(200), password });
export const deleteInput = z.object({ password });

// The second factor (second-factor.ts): a 6-digit code or a recovery code, typed as shown.
const code = z.string().trim().min(1).max(40);
export const codeInput = z.object({ code });
export const disableInput = z.object({ password, code });
export const policyInput = z.object({ required: z.boolean() }).strict();
