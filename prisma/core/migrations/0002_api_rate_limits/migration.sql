-- CreateTable
CREATE TABLE "api_rate_limits" (
    "tenant_id" UUID NOT NULL,
    "api_key_id" UUID NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_limits_pkey" PRIMARY KEY ("api_key_id","window_start")
);

-- CreateIndex
CREATE INDEX "api_rate_limits_tenant_id_window_start_idx" ON "api_rate_limits"("tenant_id", "window_start");

-- periodic:hand-written — below: row-level security for the new tenant-owned table
ALTER TABLE "api_rate_limits" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_rate_limits" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "api_rate_limits" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
