/**
 * The audit vocabulary. Every recorded action is one of these, so the admin filter can list
 * them and a typo cannot create a new, unsearchable action.
 */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.idle_logoff',
  'auth.account_locked',
  'auth.sessions_revoked',
  'auth.mfa_enrolled',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.recovery_code_used',
  'patient.signup',
  'patient.read',
  'patient.names_read',
  'user.invited',
  'user.invite_accepted',
  'user.disabled',
  'user.enabled',
  'user.list_read',
  'audit.read',
  'admin.action',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number] | (string & {});
