-- Case search (issue 17): full-text search that forgives missing Vietnamese diacritics
-- ("xa thai" finds "xả thải"), done and indexed by PostgreSQL. Nothing here is in
-- schema.prisma: Prisma does not model functions or expression indexes, and its diff leaves them be.
-- (No semicolon may stand in a comment here: the migration runner splits statements on them.)

-- unaccent ships with PostgreSQL's contrib (the embedded server of the tests and postgres:17 alike)
-- and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change) and an index needs an IMMUTABLE function,
-- so this one names its dictionary and reads text in NFC, the form the unaccent rules expect
-- (a decomposed "ả" would otherwise keep its combining mark). đ/Đ become d/D.
CREATE OR REPLACE FUNCTION vn_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, normalize($1, NFC)) $$;

-- The words of a case's title and content, unaccented. 'simple' lower-cases and does not stem
-- (there is no Vietnamese stemmer, and Vietnamese words do not inflect). api/services/search-cases.ts
-- repeats this expression exactly so the planner uses the index.
CREATE INDEX "Case_search_idx" ON "Case"
  USING GIN (to_tsvector('simple'::regconfig, vn_unaccent("title" || ' ' || "content")));

-- The petitioner's name, for the roles that may read it (the search decides who).
CREATE INDEX "Petitioner_name_search_idx" ON "Petitioner"
  USING GIN (to_tsvector('simple'::regconfig, vn_unaccent(coalesce("fullName", ''))));
