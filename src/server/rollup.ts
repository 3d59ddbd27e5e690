// The per-day rollup behind `consent-gate receipts stats` and `report`: how many choices of each
// kind arrived each UTC day, kept by the database itself. Counting a year of 10 million receipts
// means reading 10 million rows; counting the rollup means reading a few thousand.

/**
 * Schema step: the table `consent_gate_daily` (day, revision, via, choices → n) and two statement
 * triggers on `consent_gate_receipts` that add what an INSERT stored and take away what a DELETE
 * (retention) removed, in the same transaction, so the rollup cannot drift from the receipts
 * whichever code or tool writes them. The triggers come first: creating one locks out writers until
 * the step commits, so the backfill that follows counts every row exactly once.
 */
export const ROLLUP_STEP = `CREATE TABLE IF NOT EXISTS consent_gate_daily (
    day date NOT NULL,
    revision text NOT NULL,
    via text NOT NULL,
    choices jsonb NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (day, revision, via, choices)
  );
  CREATE OR REPLACE FUNCTION consent_gate_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO consent_gate_daily AS d (day, revision, via, choices, n)
      SELECT (received_at AT TIME ZONE 'UTC')::date, revision, via, choices, count(*) FROM added GROUP BY 1, 2, 3, 4
      ON CONFLICT (day, revision, via, choices) DO UPDATE SET n = d.n + excluded.n;
    RETURN NULL;
  END $$;
  CREATE OR REPLACE FUNCTION consent_gate_daily_remove() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE consent_gate_daily AS d SET n = d.n - gone.n
      FROM (SELECT (received_at AT TIME ZONE 'UTC')::date AS day, revision, via, choices, count(*) AS n
        FROM removed GROUP BY 1, 2, 3, 4) AS gone
      WHERE d.day = gone.day AND d.revision = gone.revision AND d.via = gone.via AND d.choices = gone.choices;
    DELETE FROM consent_gate_daily WHERE n <= 0;
    RETURN NULL;
  END $$;
  DROP TRIGGER IF EXISTS consent_gate_daily_add ON consent_gate_receipts;
  CREATE TRIGGER consent_gate_daily_add AFTER INSERT ON consent_gate_receipts
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consent_gate_daily_add();
  DROP TRIGGER IF EXISTS consent_gate_daily_remove ON consent_gate_receipts;
  CREATE TRIGGER consent_gate_daily_remove AFTER DELETE ON consent_gate_receipts
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION consent_gate_daily_remove();
  TRUNCATE consent_gate_daily;
  INSERT INTO consent_gate_daily (day, revision, via, choices, n)
    SELECT (received_at AT TIME ZONE 'UTC')::date, revision, via, choices, count(*) FROM consent_gate_receipts GROUP BY 1, 2, 3, 4;`

/** `SQL.stats`, read from the rollup: the whole UTC days `[$1, $2)` per period `$3`. */
export const DAILY_STATS = `SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD') AS period,
    revision, via, choices, sum(n)::int AS n
  FROM consent_gate_daily WHERE day >= $1::date AND day < $2::date
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`
