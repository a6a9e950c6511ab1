-- CreateIndex
CREATE INDEX "deliveries_tenant_id_status_endpoint_id_idx" ON "deliveries"("tenant_id", "status", "endpoint_id");
