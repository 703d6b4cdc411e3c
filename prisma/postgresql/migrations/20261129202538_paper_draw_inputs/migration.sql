-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "drawInputs" TEXT NOT NULL DEFAULT '{}';
