/** What the security stack (security-stack.ts) hands to the specs: its address, owner DB URLs and fixtures. */
export interface SecurityStackInfo {
  baseUrl: string;
  /** Owner URLs, for counting rows behind the API (tests only). */
  db: { identityAdmin: string; coreAdmin: string };
  demo: {
    tenantId: string;
    apiKey: string;
    riveraResourceId: string;
    mariaToken: string;
    /** A visit of the demo patient James on Dr. Rivera's schedule. */
    jamesAppointmentId: string;
    /** The platform receiver's current whsec_ secret (to sign probes of /api/webhooks/periodic). */
    receiverSecret: string;
    /** A patient account the sign-in back-off probe may lock. */
    lockoutEmail: string;
  };
  rival: {
    tenantId: string;
    apiKey: string;
    adminEmail: string;
    password: string;
    resourceId: string;
    resourceLabel: string;
    appointmentId: string;
    endpointId: string;
    deliveryId: string;
  };
}
