-- DropIndex
DROP INDEX "Registration_enrolmentId_sitting_key";

-- CreateIndex
CREATE INDEX "Registration_enrolmentId_idx" ON "Registration"("enrolmentId");
