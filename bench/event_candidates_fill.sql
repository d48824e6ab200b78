-- A synthetic archive of the demo's shape for bench/event_candidates.py, in seconds:
-- 60 parties (in the names table too), 9,000 towns (a place entity with one alias
-- each), 265,000 events "Airstrike on a market in <town>, <date> #n" over
-- 2019-2026 with two parties each, 1,000,000 claims spread over them (killed and injured with figures); each
-- event filed under its town's place entity (tracker_eventplace, migration 0026).
-- Triggers are off while it loads: the claims' search vectors play no part here.
SET session_replication_role = replica;
SELECT setseed(0.42);
INSERT INTO tracker_source (name, kind, reliability, description, created_at, updated_at,
                            name_key, name_scope, display_name)
SELECT 'Armed party ' || g, 'armed_party', 'F', '', now(), now(), 'armed party ' || g, 0,
       'Armed party ' || g
FROM generate_series(0, 59) g;
-- Each party in the names table too, so a report naming one finds its events.
INSERT INTO tracker_namedentity (name, kind, description, name_key, source_id)
SELECT name, 'party', '', name_key, id FROM tracker_source;
CREATE TEMP TABLE towns AS
SELECT n, (ARRAY['Tal','Kafr','Deir','Ain','Jisr','Qasr','Beit','Umm','Khan','Ras'])[n % 10 + 1]
          || ' ' || (ARRAY['Zor','Ruzek','Hamra','Souk','Nahr','Sabil','Ward','Qadim','Jabal',
                           'Mira'])[(n / 10) % 10 + 1] || '-' || (n / 100) AS name
FROM generate_series(0, 8999) n;
INSERT INTO tracker_namedentity (name, kind, description, name_key)
SELECT name, 'place', '', lower(name) FROM towns;
INSERT INTO tracker_entityalias (name, entity_id, name_key)
SELECT replace(name, '-', ' al-'), id, lower(replace(name, '-', ' al-'))
FROM tracker_namedentity WHERE kind = 'place';
INSERT INTO tracker_event (name, place, date_start, date_end, date_text, description,
                           created_at, updated_at, name_key, summary, grade)
SELECT label, town || ', region', day, day, '', '', now(), now(), lower(label), '{}', ''
FROM (
    SELECT g, t.name AS town, d AS day,
           (ARRAY['Airstrike on','Shelling of','Drone strike on','Raid on'])[1 + (g % 4)] || ' '
           || (ARRAY['a market','a bakery','a school','a hospital','a mosque','a convoy',
                     'a house'])[1 + (g % 7)] || ' in ' || t.name || ', '
           || to_char(d, 'FMDD FMMonth YYYY') || ' #' || g AS label
    -- random() in the select list: drawn once per row (in a join condition, once).
    FROM (SELECT g, floor(random() * 9000)::int AS town_n,
                 date '2019-01-01' + floor(random() * 2800)::int AS d
          FROM generate_series(0, 264999) g) picks
    JOIN towns t ON t.n = picks.town_n
) rows;
-- Each event is filed under its town (tracker_eventplace, as services.event_places
-- files it: the town's name is in the event's place and name as whole words; no
-- other town's spelling is, "Tal Zor-3" is not "Tal Zor-31").
INSERT INTO tracker_eventplace (event_id, entity_id)
SELECT e.id, ne.id
FROM tracker_event e
JOIN tracker_namedentity ne ON ne.kind = 'place' AND ne.name = split_part(e.place, ',', 1);
INSERT INTO tracker_event_parties (event_id, source_id)
SELECT e.id, s.first + (e.id % 60) FROM tracker_event e, (SELECT min(id) AS first FROM tracker_source) s
UNION ALL
SELECT e.id, s.first + ((e.id % 60) + 1 + e.id % 59) % 60
FROM tracker_event e, (SELECT min(id) AS first FROM tracker_source) s;
INSERT INTO tracker_claim (text, event_id, aspect, count_min, count_max, count_approximate, unit,
                           status, created_at, updated_at, independent_sources,
                           suggested_status, suggestion_basis, suggestion_reasons,
                           count_min_exclusive, count_max_exclusive)
SELECT CASE WHEN aspect IN ('killed', 'injured') THEN n || ' people ' || aspect
            ELSE 'A party is blamed' END || ' (' || g || ')',
       first + floor(random() * 265000)::int, aspect,
       CASE WHEN aspect IN ('killed', 'injured') THEN n END,
       CASE WHEN aspect IN ('killed', 'injured') THEN n END,
       false, CASE WHEN aspect IN ('killed', 'injured') THEN 'people' ELSE '' END,
       'unverified', now(), now(), 0, '', '', '[]', false, false
FROM generate_series(1, 1000000) g
CROSS JOIN (SELECT min(id) AS first FROM tracker_event) e
-- g in the lateral keeps it correlated, so random() is drawn per claim.
CROSS JOIN LATERAL (SELECT (ARRAY['killed','injured','perpetrator','other'])[
                               1 + floor(random() * 4)::int] AS aspect,
                           1 + floor(random() * 60)::int AS n, g AS h) a;
-- Vacuumed as autovacuum would have: index-only scans need the visibility map.
VACUUM ANALYZE;
