-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('patient', 'clinician', 'admin');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_keys" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "wrapped_key" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'data',
    "master_key_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patients" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "token_id" TEXT NOT NULL,
    "email_bidx" TEXT NOT NULL,
    "name_enc" TEXT NOT NULL,
    "email_enc" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "dob_enc" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "email_bidx" TEXT NOT NULL,
    "email_enc" TEXT NOT NULL,
    "name_enc" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "patient_id" UUID,
    "resource_id" UUID,
    "mfa_secret_enc" TEXT,
    "mfa_enabled" BOOLEAN NOT NULL DEFAULT false,
    "recovery_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invites" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "resource_id" UUID,
    "created_by" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "received_webhooks" (
    "idempotency_key" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "appointment_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "received_webhooks_pkey" PRIMARY KEY ("idempotency_key")
);

-- CreateTable
CREATE TABLE "video_settings" (
    "tenant_id" UUID NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'webrtc',
    "credentials_enc" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "video_rooms" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'provisioning',
    "external_id" TEXT,
    "details_enc" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "video_rooms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_links" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE INDEX "tenant_keys_tenant_id_idx" ON "tenant_keys"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "patients_token_id_key" ON "patients"("token_id");

-- CreateIndex
CREATE INDEX "patients_tenant_id_idx" ON "patients"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "patients_tenant_id_email_bidx_key" ON "patients"("tenant_id", "email_bidx");

-- CreateIndex
CREATE INDEX "users_tenant_id_role_idx" ON "users"("tenant_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "users_tenant_id_email_bidx_key" ON "users"("tenant_id", "email_bidx");

-- CreateIndex
CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites"("token_hash");

-- CreateIndex
CREATE INDEX "invites_tenant_id_idx" ON "invites"("tenant_id");

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_created_at_idx" ON "audit_events"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_action_idx" ON "audit_events"("tenant_id", "action");

-- CreateIndex
CREATE INDEX "received_webhooks_tenant_id_received_at_idx" ON "received_webhooks"("tenant_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "video_rooms_appointment_id_key" ON "video_rooms"("appointment_id");

-- CreateIndex
CREATE INDEX "video_rooms_tenant_id_idx" ON "video_rooms"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "video_links_token_hash_key" ON "video_links"("token_hash");

-- CreateIndex
CREATE INDEX "video_links_tenant_id_room_id_user_id_idx" ON "video_links"("tenant_id", "room_id", "user_id");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_links" ADD CONSTRAINT "video_links_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "video_rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- periodic:hand-written — below: SQL that Prisma's datamodel cannot express (RLS, grants, constraints)
-- ===================================================================================
-- Hand-written part: what Prisma cannot express. Roles, grants, row-level security.
-- ===================================================================================

-- The app connects as a login role created by setup (scripts/db/setup.ts) and made a member of
-- this group role. The group role owns nothing; it only holds the grants below.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'periodic_identity_rw') THEN
    CREATE ROLE periodic_identity_rw NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO periodic_identity_rw;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO periodic_identity_rw;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO periodic_identity_rw;
-- Tables added by later migrations (run by the same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO periodic_identity_rw;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO periodic_identity_rw;

-- Tenant registry: provisioned by the owner; the app only reads it.
REVOKE INSERT, UPDATE, DELETE ON "tenants" FROM periodic_identity_rw;
-- Audit trail is append-only for the app (HIPAA 164.312(b)).
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM periodic_identity_rw;

-- The tenant of the current transaction, set by lib/db/tenant-scope.ts with set_config(..., true).
-- NULL when unset, so policies compare false and nothing is visible.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_keys','patients','users','invites','audit_events','received_webhooks','video_settings','video_rooms','video_links'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- token_id: "tk_" + >=128 bits of CSPRNG output, base64url.
ALTER TABLE "patients" ADD CONSTRAINT patients_token_format CHECK (token_id ~ '^tk_[A-Za-z0-9_-]{22,64}$');
ALTER TABLE "users" ADD CONSTRAINT users_patient_link CHECK ((role = 'patient') = (patient_id IS NOT NULL));
