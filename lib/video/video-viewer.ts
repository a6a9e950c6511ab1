/** Who is asking for a link or entering a room: the session's ids only (see lib/auth/session.ts). */
export interface VideoViewer {
  tenantId: string;
  userId: string;
  role: 'patient' | 'clinician' | 'admin';
}
