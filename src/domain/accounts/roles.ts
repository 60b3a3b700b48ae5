/**
 * The roles a Kitout account may hold. Every HTTP route declares which of them may call it; the server refuses
 * the rest with 403 before it reads the request body.
 */
export const ROLES = ['admin', 'planner', 'storekeeper', 'issuer', 'enumerator'] as const;
export type Role = (typeof ROLES)[number];

/** Shorthands for route declarations, so the same role lists are not spelled out route by route. */
export const ANY_ROLE: readonly Role[] = ROLES;
export const OFFICE: readonly Role[] = ['admin', 'planner'];
export const STOCK: readonly Role[] = ['admin', 'planner', 'storekeeper'];
/** Who fills questionnaires: enumerators, and the office that runs them. */
export const FILLERS: readonly Role[] = ['admin', 'planner', 'enumerator'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function mayCall(userRoles: readonly string[], allowed: readonly Role[]): boolean {
  return userRoles.some((r) => (allowed as readonly string[]).includes(r));
}
