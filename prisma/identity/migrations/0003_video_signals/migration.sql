-- CreateTable
CREATE TABLE "video_signals" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "room_id" UUID NOT NULL,
    "sender_user_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_signals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "video_signals_room_id_id_idx" ON "video_signals"("room_id", "id");

-- CreateIndex
CREATE INDEX "video_signals_tenant_id_idx" ON "video_signals"("tenant_id");

-- periodic:hand-written — below: SQL that Prisma's datamodel cannot express (RLS)
ALTER TABLE "video_signals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "video_signals" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "video_signals" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
