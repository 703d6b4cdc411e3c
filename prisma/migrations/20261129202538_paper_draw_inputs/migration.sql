-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Paper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "blueprintId" TEXT NOT NULL,
    "blueprintSpec" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "sealedAt" DATETIME,
    "sealedBy" TEXT,
    "basePaperId" TEXT,
    "drawInputs" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Paper_classId_fkey" FOREIGN KEY ("classId") REFERENCES "TrainingClass" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Paper_blueprintId_fkey" FOREIGN KEY ("blueprintId") REFERENCES "Blueprint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Paper" ("algorithm", "basePaperId", "blueprintId", "blueprintSpec", "classId", "code", "createdAt", "hash", "id", "kind", "period", "sealedAt", "sealedBy", "seed", "status") SELECT "algorithm", "basePaperId", "blueprintId", "blueprintSpec", "classId", "code", "createdAt", "hash", "id", "kind", "period", "sealedAt", "sealedBy", "seed", "status" FROM "Paper";
DROP TABLE "Paper";
ALTER TABLE "new_Paper" RENAME TO "Paper";
CREATE UNIQUE INDEX "Paper_code_key" ON "Paper"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
