// The per-day rollup behind `consent-gate receipts stats` and `report`: how many choices of each
// kind arrived each UTC day, kept by the database itself. Counting a year of 10 million receipts
// means reading 10 million rows; counting the rollup means reading a few thousand.

// What a row of the rollup is counted by, besides its day. An absent lang, wording or policy (an
// older SDK's receipt, a choice through the API) is '' here: a key column cannot be null. The
// region is left out: a country per row would multiply the rows by the countries a site sees.
const KEY = 'site, revision, via, choices, lang, wording, policy'
const FROM_RECEIPT = `(received_at AT TIME ZONE 'UTC')::date AS day, site, revision, via, choices,
  coalesce(lang, '') AS lang, coalesce(wording, '') AS wording, coalesce(policy, '') AS policy`

/**
 * Schema step 4: the receipts gain `region` and `policy`, and the rollup `consent_gate_daily`
 * (day and KEY → n) is made anew and counted again from the receipts (the first rollup, of step
 * 3, counted neither site, language, wording nor policy). Two statement triggers on
 * `consent_gate_receipts` add what an INSERT stored and take away what a DELETE (retention)
 * removed, in the same transaction, so the rollup cannot drift from the receipts whichever code or
 * tool writes them. ALTER TABLE comes first: its lock keeps writers out until the step commits,
 * so the count that ends it takes every row exactly once.
 */
export const ROLLUP_STEP = `ALTER TABLE consent_gate_receipts
    ADD COLUMN IF NOT EXISTS region text,
    ADD COLUMN IF NOT EXISTS policy text;
  DROP TABLE IF EXISTS consent_gate_daily;
  CREATE TABLE consent_gate_daily (
    day date NOT NULL,
    site text NOT NULL,
    revision text NOT NULL,
    via text NOT NULL,
    choices jsonb NOT NULL,
    lang text NOT NULL,
    wording text NOT NULL,
    policy text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (day, ${KEY})
  );
  CREATE OR REPLACE FUNCTION consent_gate_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO consent_gate_daily AS d (day, ${KEY}, n)
      SELECT ${FROM_RECEIPT}, count(*) FROM added GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT (day, ${KEY}) DO UPDATE SET n = d.n + excluded.n;
    RETURN NULL;
  END $$;
  CREATE OR REPLACE FUNCTION consent_gate_daily_remove() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE consent_gate_daily AS d SET n = d.n - gone.n
      FROM (SELECT ${FROM_RECEIPT}, count(*) AS n FROM removed GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) AS gone
      WHERE (d.day, ${KEY.replace(/(\w+)/g, 'd.$1')}) = (gone.day, ${KEY.replace(/(\w+)/g, 'gone.$1')});
    DELETE FROM consent_gate_daily WHERE n <= 0;
    RETURN NULL;
  END $$;
  DROP TRIGGER IF EXISTS consent_gate_daily_add ON consent_gate_receipts;
  CREATE TRIGGER consent_gate_daily_add AFTER INSERT ON consent_gate_receipts
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION consent_gate_daily_add();
  DROP TRIGGER IF EXISTS consent_gate_daily_remove ON consent_gate_receipts;
  CREATE TRIGGER consent_gate_daily_remove AFTER DELETE ON consent_gate_receipts
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION consent_gate_daily_remove();
  INSERT INTO consent_gate_daily (day, ${KEY}, n)
    SELECT ${FROM_RECEIPT}, count(*) FROM consent_gate_receipts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;`

/**
 * `SQL.stats` from the receipts: choices received in `[$1, $2)` counted per period (`$3`: day,
 * week from Monday, month; UTC) and KEY, as the rollup counts them.
 */
export const RECEIPT_STATS = `SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD') AS period, ${KEY}, count(*)::int AS n
  FROM (SELECT ${FROM_RECEIPT} FROM consent_gate_receipts WHERE received_at >= $1 AND received_at < $2) AS r
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4`

/** `SQL.stats`, read from the rollup: the whole UTC days `[$1, $2)` per period `$3`. */
export const DAILY_STATS = `SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD') AS period, ${KEY}, sum(n)::int AS n
  FROM consent_gate_daily WHERE day >= $1::date AND day < $2::date
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4`
