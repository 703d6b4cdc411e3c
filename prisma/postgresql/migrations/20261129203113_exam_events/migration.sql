-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "cameraOverride" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "integrityCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "attemptId" TEXT;

-- AlterTable
ALTER TABLE "ExamSession" ADD COLUMN     "absenceUsesSitting" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ExamEvent" (
    "id" SERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "attemptId" TEXT,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExamEvent_sessionId_id_idx" ON "ExamEvent"("sessionId", "id");
