import { createHash } from 'node:crypto';
import { appendAudit } from '../db/repositories/audit.ts';
import { InputError, TooManyRequestsError, UnauthenticatedError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { Actor, ServiceContext } from './context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  language: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Counts failed sign-ins per username and per address, in memory: a restart forgets them, which errs towards use. */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly now: () => Date) {}

  private recent(key: string): number[] {
    const cutoff = this.now().getTime() - LIMITS.signInWindowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    this.failures.set(key, list);
    return list;
  }
  blocked(keys: string[]): boolean {
    return keys.some((k) => this.recent(k).length >= LIMITS.signInFailures);
  }
  fail(keys: string[]): void {
    for (const k of keys) this.recent(k).push(this.now().getTime());
  }
  clear(key: string): void {
    this.failures.delete(key);
  }
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

/**
 * Checks a username and password and opens a new session (a fresh token every time, so a sign-in never reuses an
 * old session id). Failed and throttled attempts are audited; the password never is.
 */
export async function signIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  input: { username: string; password: string; address?: string },
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const keys = [`u:${username}`, ...(input.address ? [`a:${input.address}`] : [])];
  if (throttle.blocked(keys)) {
    await appendAudit(ctx.db, {
      at: ctx.now(),
      actorId: null,
      action: 'auth.throttled',
      entity: 'user',
      entityId: username,
    });
    throw new TooManyRequestsError('too many failed sign-ins: wait a few minutes and try again');
  }
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const good = user && !user.disabled && (await verifyPassword(input.password, user.password_hash));
  if (!user || !good) {
    throttle.fail(keys);
    await appendAudit(ctx.db, {
      at: ctx.now(),
      actorId: null,
      action: 'auth.failed',
      entity: 'user',
      entityId: username,
    });
    throw new UnauthenticatedError('wrong username or password');
  }
  throttle.clear(`u:${username}`);
  const token = ctx.newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + LIMITS.sessionIdleMs);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: tokenId(token),
        user_id: user.id,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
      })
      .execute();
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      action: 'auth.signed_in',
      entity: 'user',
      entityId: user.id,
    });
  });
  return { token, expiresAt, user: toSessionUser(user) };
}

/**
 * The user behind a session token, or undefined when the token is unknown or expired. Use slides the idle
 * expiry forward, never past the session's maximum age.
 */
export async function sessionUser(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<SessionUser | undefined> {
  if (!token || token.length > 200) return undefined;
  const id = tokenId(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.language',
      'users.disabled',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  const now = ctx.now();
  if (!row || row.disabled || new Date(row.expires_at) <= now) return undefined;
  // Write the sliding expiry at most once a minute, so reads stay reads.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    const hardLimit = new Date(row.created_at).getTime() + LIMITS.sessionMaxMs;
    const expires = new Date(Math.min(now.getTime() + LIMITS.sessionIdleMs, hardLimit));
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expires })
      .where('id', '=', id)
      .execute();
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    language: row.language,
  };
}

export async function signOut(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (!token) return;
  const session = await ctx.db
    .deleteFrom('sessions')
    .where('id', '=', tokenId(token))
    .returning('user_id')
    .executeTakeFirst();
  if (session) {
    await appendAudit(ctx.db, {
      at: ctx.now(),
      actorId: session.user_id,
      action: 'auth.signed_out',
      entity: 'user',
      entityId: session.user_id,
    });
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  language?: string;
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUser): Promise<SessionUser> {
  const username = input.username.trim().toLowerCase();
  const exists = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (exists) throw new InputError([{ field: 'username', reason: `the username "${username}" is taken` }]);
  const user = {
    id: ctx.newId(),
    username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    roles: input.roles,
    language: input.language ?? 'en',
    created_at: ctx.now(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(user).execute();
    const { password_hash: _omit, ...shown } = user;
    await appendAudit(trx, {
      at: ctx.now(),
      actorId: actor.userId,
      action: 'user.created',
      entity: 'user',
      entityId: user.id,
      after: shown,
    });
  });
  return toSessionUser(user);
}

function toSessionUser(u: {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  language: string;
}): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    language: u.language,
  };
}
