-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN "attemptId" TEXT;

-- CreateTable
CREATE TABLE "ExamEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" TEXT NOT NULL,
    "attemptId" TEXT,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "shuffleSeed" TEXT NOT NULL,
    "kioskId" TEXT,
    "admittedAt" DATETIME,
    "startedAt" DATETIME,
    "durationSec" INTEGER NOT NULL,
    "extensionSec" INTEGER NOT NULL DEFAULT 0,
    "pausedSec" INTEGER NOT NULL DEFAULT 0,
    "pausedAt" DATETIME,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "submitReason" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" DATETIME,
    "integrityCount" INTEGER NOT NULL DEFAULT 0,
    "cameraOverride" BOOLEAN NOT NULL DEFAULT false,
    "score" REAL,
    "maxScore" REAL,
    "passed" BOOLEAN,
    "gradeDetail" TEXT,
    "gradedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attempt_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attempt_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("admittedAt", "createdAt", "deadlineAt", "durationSec", "extensionSec", "gradeDetail", "gradedAt", "id", "kioskId", "lastSeenAt", "lastSeq", "maxScore", "paperId", "passed", "pausedAt", "pausedSec", "registrationId", "score", "shuffleSeed", "startedAt", "state", "submitReason", "submittedAt") SELECT "admittedAt", "createdAt", "deadlineAt", "durationSec", "extensionSec", "gradeDetail", "gradedAt", "id", "kioskId", "lastSeenAt", "lastSeq", "maxScore", "paperId", "passed", "pausedAt", "pausedSec", "registrationId", "score", "shuffleSeed", "startedAt", "state", "submitReason", "submittedAt" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE UNIQUE INDEX "Attempt_registrationId_key" ON "Attempt"("registrationId");
CREATE INDEX "Attempt_state_deadlineAt_idx" ON "Attempt"("state", "deadlineAt");
CREATE TABLE "new_ExamSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "durationMin" INTEGER NOT NULL,
    "requireCamera" BOOLEAN NOT NULL DEFAULT false,
    "requireSeb" BOOLEAN NOT NULL DEFAULT false,
    "sebSettings" TEXT NOT NULL DEFAULT '{}',
    "violationThreshold" INTEGER NOT NULL DEFAULT 3,
    "releaseMode" TEXT NOT NULL DEFAULT 'MANUAL',
    "absenceUsesSitting" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "resultsReleasedAt" DATETIME,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamSession_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamSession_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ExamSession" ("closedAt", "code", "countyId", "createdAt", "createdBy", "durationMin", "endsAt", "id", "name", "openedAt", "releaseMode", "requireCamera", "requireSeb", "resultsReleasedAt", "sebSettings", "startsAt", "status", "venueId", "violationThreshold") SELECT "closedAt", "code", "countyId", "createdAt", "createdBy", "durationMin", "endsAt", "id", "name", "openedAt", "releaseMode", "requireCamera", "requireSeb", "resultsReleasedAt", "sebSettings", "startsAt", "status", "venueId", "violationThreshold" FROM "ExamSession";
DROP TABLE "ExamSession";
ALTER TABLE "new_ExamSession" RENAME TO "ExamSession";
CREATE UNIQUE INDEX "ExamSession_code_key" ON "ExamSession"("code");
CREATE INDEX "ExamSession_countyId_startsAt_idx" ON "ExamSession"("countyId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ExamEvent_sessionId_id_idx" ON "ExamEvent"("sessionId", "id");
