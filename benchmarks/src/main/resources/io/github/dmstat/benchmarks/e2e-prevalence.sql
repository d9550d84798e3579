-- Survey-weighted prevalence of 'used' by 'group' with Taylor-linearised standard errors,
-- PSUs nested in strata, read straight from the CSV (the end-to-end comparison in
-- benchmarks/README.md). ${file} is replaced by the file name as a SQL string literal.
-- For group g: p_g = Σwy / Σw over rows with 'used' present; PSU totals
-- t_ghi = (Σ_hi wy − p_g Σ_hi w) / W_g (zero for PSUs without such rows);
-- V = Σ_h n_h/(n_h−1) Σ_i (t_ghi − t̄_gh)², n_h = PSUs of stratum h in the whole file.
-- Same shape as GroupedPrevalenceBenchmark.DUCKDB_QUERY; the file is read once (cell).
WITH cell AS MATERIALIZED (
  SELECT "group" AS grp, stratum, psu,
         COUNT(used) AS n,
         COALESCE(SUM(weight) FILTER (WHERE used IS NOT NULL), 0) AS sw,
         COALESCE(SUM(weight * used), 0) AS swy
  FROM read_csv(${file})
  GROUP BY ALL
), design AS (
  SELECT DISTINCT stratum, psu FROM cell
), total AS (
  SELECT grp, SUM(n) AS n, SUM(sw) AS wt, SUM(swy) / SUM(sw) AS p
  FROM cell GROUP BY grp
), t AS (
  SELECT g.grp, d.stratum, d.psu, COALESCE((c.swy - g.p * c.sw) / g.wt, 0) AS t
  FROM total g CROSS JOIN design d
  LEFT JOIN cell c ON c.grp = g.grp AND c.stratum = d.stratum AND c.psu = d.psu
), dev AS (
  SELECT grp, stratum, t - AVG(t) OVER (PARTITION BY grp, stratum) AS dev,
         COUNT(*) OVER (PARTITION BY grp, stratum) AS nh
  FROM t
), stratum_var AS (
  SELECT grp, stratum, MAX(nh) / (MAX(nh) - 1.0) * SUM(dev * dev) AS v
  FROM dev GROUP BY grp, stratum
)
SELECT g.grp AS "group", g.n, g.p, SQRT(SUM(s.v)) AS se
FROM total g JOIN stratum_var s ON s.grp = g.grp
GROUP BY g.grp, g.n, g.p
ORDER BY g.grp
