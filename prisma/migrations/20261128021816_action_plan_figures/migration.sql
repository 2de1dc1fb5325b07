-- AlterTable
ALTER TABLE "ActionPlan" ADD COLUMN     "actionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "actionsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "answeredRounds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "followedRounds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "reportCount" INTEGER NOT NULL DEFAULT 0;

-- A plan's follow-through figures from scratch (docs/decisions/0036), the same rules as
-- lib/action-plans/rules.ts: per action its latest report, the first round a report closed it
-- (完成 or 放弃) and the rounds it was reported at. A plan is followed up at a round when no
-- action was still open before it, or some action was reported at it (followedUpAt), and answered
-- at a round when every action still open before it was reported at it (checkInDue asks nothing).
CREATE VIEW action_plan_figures_source AS
SELECT p.id AS "planId",
       count(a.id)::int AS "actionCount",
       count(a.id) FILTER (WHERE a.latest = 'DONE')::int AS "actionsDone",
       coalesce(sum(cardinality(a.reported)), 0)::int AS "reportCount",
       array_remove(ARRAY[
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 30, false)) OR coalesce(bool_or(30 = ANY(a.reported)), false) THEN 30 END,
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 60, false)) OR coalesce(bool_or(60 = ANY(a.reported)), false) THEN 60 END,
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 90, false)) OR coalesce(bool_or(90 = ANY(a.reported)), false) THEN 90 END
       ], NULL) AS "followedRounds",
       array_remove(ARRAY[
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 30, false) OR 30 = ANY(a.reported)) THEN 30 END,
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 60, false) OR 60 = ANY(a.reported)) THEN 60 END,
         CASE WHEN bool_and(a.id IS NULL OR coalesce(a.closed_by < 90, false) OR 90 = ANY(a.reported)) THEN 90 END
       ], NULL) AS "answeredRounds"
FROM "ActionPlan" p
LEFT JOIN LATERAL (
  SELECT a.id,
         (SELECT c.status FROM "ActionCheckIn" c WHERE c."actionId" = a.id ORDER BY c.round DESC LIMIT 1) AS latest,
         (SELECT min(c.round) FROM "ActionCheckIn" c WHERE c."actionId" = a.id AND c.status IN ('DONE', 'ABANDONED')) AS closed_by,
         ARRAY(SELECT c.round FROM "ActionCheckIn" c WHERE c."actionId" = a.id) AS reported
  FROM "PlanAction" a WHERE a."planId" = p.id
) a ON true
GROUP BY p.id;

-- One plan's figures, recomputed from its few rows. The plan's row is locked first, then read in
-- a statement of its own: a concurrent change of the same plan waits for this transaction and
-- then sees it, so neither is lost. A plan already deleted (a cascade) is left alone.
CREATE FUNCTION action_plan_figures_refresh(plan TEXT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF plan IS NULL THEN
    RETURN\073
  END IF\073
  PERFORM 1 FROM "ActionPlan" WHERE id = plan FOR UPDATE\073
  UPDATE "ActionPlan" p SET "actionCount" = s."actionCount", "actionsDone" = s."actionsDone",
    "reportCount" = s."reportCount", "followedRounds" = s."followedRounds", "answeredRounds" = s."answeredRounds"
  FROM action_plan_figures_source s WHERE s."planId" = plan AND p.id = plan\073
END';

CREATE FUNCTION action_plan_figures_rebuild() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "ActionPlan" p SET "actionCount" = s."actionCount", "actionsDone" = s."actionsDone",
    "reportCount" = s."reportCount", "followedRounds" = s."followedRounds", "answeredRounds" = s."answeredRounds"
  FROM action_plan_figures_source s WHERE s."planId" = p.id\073
END';

CREATE FUNCTION action_plan_figures_action() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    PERFORM action_plan_figures_refresh(OLD."planId")\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."planId" <> OLD."planId") THEN
    PERFORM action_plan_figures_refresh(NEW."planId")\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER action_plan_figures_action AFTER INSERT OR UPDATE OR DELETE ON "PlanAction"
  FOR EACH ROW EXECUTE FUNCTION action_plan_figures_action();

-- A report changed: refresh its action's plan (none when the action itself is being deleted:
-- the action's own trigger refreshes the plan).
CREATE FUNCTION action_plan_figures_check_in() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    PERFORM action_plan_figures_refresh((SELECT "planId" FROM "PlanAction" WHERE id = OLD."actionId"))\073
  END IF\073
  IF TG_OP = ''INSERT'' OR (TG_OP = ''UPDATE'' AND NEW."actionId" <> OLD."actionId") THEN
    PERFORM action_plan_figures_refresh((SELECT "planId" FROM "PlanAction" WHERE id = NEW."actionId"))\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER action_plan_figures_check_in AFTER INSERT OR UPDATE OR DELETE ON "ActionCheckIn"
  FOR EACH ROW EXECUTE FUNCTION action_plan_figures_check_in();

-- Plans filed before this migration.
SELECT action_plan_figures_rebuild();
