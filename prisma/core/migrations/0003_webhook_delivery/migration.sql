-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "replays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "round_first_attempt" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "circuit_probe_until" TIMESTAMPTZ(3),
ADD COLUMN     "disabled_reason" TEXT,
ADD COLUMN     "incident_key" TEXT,
ADD COLUMN     "incident_opened_at" TIMESTAMPTZ(3),
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "delivery_stats_hourly" (
    "tenant_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "dead_letters" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "lat_le_50" INTEGER NOT NULL DEFAULT 0,
    "lat_le_100" INTEGER NOT NULL DEFAULT 0,
    "lat_le_250" INTEGER NOT NULL DEFAULT 0,
    "lat_le_500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_1000" INTEGER NOT NULL DEFAULT 0,
    "lat_le_2500" INTEGER NOT NULL DEFAULT 0,
    "lat_le_5000" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "delivery_stats_hourly_pkey" PRIMARY KEY ("tenant_id","endpoint_id","hour")
);

-- CreateIndex
CREATE INDEX "delivery_stats_hourly_tenant_id_hour_idx" ON "delivery_stats_hourly"("tenant_id", "hour");

-- CreateIndex
CREATE INDEX "deliveries_tenant_id_endpoint_id_lease_until_idx" ON "deliveries"("tenant_id", "endpoint_id", "lease_until");

-- CreateIndex
CREATE INDEX "deliveries_tenant_id_status_dead_at_idx" ON "deliveries"("tenant_id", "status", "dead_at");

-- CreateIndex
CREATE INDEX "delivery_attempts_tenant_id_attempted_at_idx" ON "delivery_attempts"("tenant_id", "attempted_at");

-- periodic:hand-written — below: row-level security for the new tenant-owned table
ALTER TABLE "delivery_stats_hourly" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "delivery_stats_hourly" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "delivery_stats_hourly" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
