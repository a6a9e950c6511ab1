/** The three account roles and where each one lands after signing in. */
import { z } from 'zod';

export const ROLES = ['patient', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ZRole = z.enum(ROLES);

/** Home page of each role's portal. */
export const ROLE_HOME: Record<Role, string> = {
  patient: '/patient',
  clinician: '/clinician',
  admin: '/admin',
};

/** Roles that must enrol a second factor before reaching their panels. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['clinician', 'admin'];

/** True if `role` must have MFA enabled. */
export function isMfaRequired(role: Role): boolean {
  return MFA_REQUIRED_ROLES.includes(role);
}
