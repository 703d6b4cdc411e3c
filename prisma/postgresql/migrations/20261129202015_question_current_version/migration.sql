-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "currentVersionId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Question_currentVersionId_key" ON "Question"("currentVersionId");

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "QuestionVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: link existing questions to their current version
UPDATE "Question" SET "currentVersionId" = (SELECT v."id" FROM "QuestionVersion" v WHERE v."questionId" = "Question"."id" AND v."version" = "Question"."currentVersion");
