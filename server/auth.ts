/**
 * The demo's credentials: one workspace and, optionally, one static bearer token. Hosts verify
 * their own sessions instead (`verifyRequest`, see ./api/app.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { VerifyRequest } from './api/app.js';

/**
 * Compared as SHA-256 digests: `timingSafeEqual` needs equal lengths, and comparing digests keeps
 * the token's length from showing in the timing too.
 */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A verifier for one workspace and, optionally, one static bearer token (the demo's). */
export function staticTokenAuth(options: { workspace: string; token?: string }): VerifyRequest {
  return (request) => {
    if (!options.token) return { workspace: options.workspace };
    const header = request.headers.get('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (given === undefined)
      return { status: 401, detail: 'Send Authorization: Bearer <token>', headers: { 'WWW-Authenticate': 'Bearer' } };
    if (!sameToken(given.trim(), options.token)) {
      return { status: 401, detail: 'The token is not valid', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
    }
    return { workspace: options.workspace };
  };
}
