//! The embedded on-disk store: SQLite (the bundled library), one file.
//!
//! The schema is in `docs/store.md`. Writes go in one transaction per
//! [`Store::ingest`] call, in WAL mode: a process killed mid-ingest leaves
//! every committed batch readable, and a rerun adds the rest (documents
//! already stored are skipped). Values never go into SQL text: every query
//! is a constant with `?` parameters.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dyad_model::{stable_hash, ActorRef, Document, Event, Span};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use crate::dedup::{self, Signature};
use crate::identity::{actor_key, dyads, event_hash, event_id, story_hash};
use crate::{
    mean3, stored, ActorCount, ActorTerm, CodedDocument, DyadPoint, Edge, Error, Filter,
    IngestReport, Mention, Result, Stats, Store, StoredDocument, StoredEvent, Total,
};

/// `PRAGMA application_id` of a dyad store: "dyad" in ASCII.
const APPLICATION_ID: i64 = 0x6479_6164;

/// Each migration brings the schema from version i to i + 1.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        source TEXT,
        url TEXT,
        extra TEXT,
        cluster INTEGER NOT NULL,
        signature BLOB,
        sentences BLOB NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_cluster ON documents(cluster);
    CREATE TABLE bands (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL
    );
    CREATE INDEX bands_key ON bands(key);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        key INTEGER NOT NULL UNIQUE,
        story INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        mode TEXT,
        quad INTEGER NOT NULL,
        modality TEXT NOT NULL,
        date TEXT,
        cameo TEXT,
        goldstein REAL,
        intensity REAL,
        place TEXT,
        place_country TEXT,
        text TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date, key);
    CREATE INDEX events_type ON events(event_type, date);
    CREATE TABLE actors (
        event INTEGER NOT NULL,
        role INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        key TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        cameo TEXT,
        kb_id TEXT,
        name TEXT
    );
    CREATE INDEX actors_event ON actors(event, role);
    CREATE TABLE mentions (
        event INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        PRIMARY KEY (event, doc, sentence)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_doc ON mentions(doc);
    CREATE TABLE dyads (
        src TEXT NOT NULL,
        tgt TEXT NOT NULL,
        date TEXT NOT NULL,
        event INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        quad INTEGER NOT NULL,
        goldstein REAL,
        intensity REAL
    );
    CREATE INDEX dyads_pair ON dyads(src, tgt, date);",
    // 2: the actor terms of each event as a full-text index (one row per
    // event, its rowid the event's): for each actor and recipient, a token
    // per country, sector, CAMEO code, actor-base id and name ([`token`]),
    // which finds the candidates of the actor, recipient and dyad filters
    // (their exact conditions are checked on `actors`); the places indexed
    // for the place filter; and the counts of events by actor and by
    // country pair, kept up to date by each write, for the actors and
    // network of the dashboard.
    "CREATE VIRTUAL TABLE event_terms USING fts5(
        terms, content = '', detail = none,
        tokenize = 'unicode61 remove_diacritics 0 tokenchars _'
    );
    CREATE INDEX events_place ON events(place COLLATE NOCASE) WHERE place IS NOT NULL;
    CREATE INDEX events_place_country ON events(place_country COLLATE NOCASE)
        WHERE place_country IS NOT NULL;
    CREATE TABLE actor_counts (
        key TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        sector TEXT,
        events INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE edge_counts (
        src TEXT NOT NULL,
        tgt TEXT NOT NULL,
        events INTEGER NOT NULL,
        goldstein_sum REAL NOT NULL,
        goldstein_n INTEGER NOT NULL,
        PRIMARY KEY (src, tgt)
    ) WITHOUT ROWID;
",
];

/// The full-text token of an actor term in a role (0 actor, 1 recipient):
/// `a_` or `r_` and the term, lowercased (ASCII), with every character
/// other than a letter or digit made `_` ("Vladimir Putin" → `a_vladimir_putin`).
/// Different terms can share a token; the index only finds candidates.
fn token(role: i64, term: &str) -> String {
    let mut t = String::with_capacity(term.len() + 2);
    t.push_str(if role == 0 { "a_" } else { "r_" });
    t.extend(term.chars().map(|c| {
        if c.is_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        }
    }));
    t
}

/// The tokens of an event's actors and recipients, for `event_terms`.
fn event_tokens<'a>(actors: impl Iterator<Item = (i64, &'a ActorRef)>) -> String {
    let mut out: Vec<String> = Vec::new();
    for (role, a) in actors {
        for v in [&a.country, &a.sector, &a.cameo, &a.kb_id, &a.name]
            .into_iter()
            .flatten()
        {
            if !v.trim().is_empty() {
                out.push(token(role, v));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.join(" ")
}

/// An FTS5 query for a term in some roles: the quoted tokens, OR-ed.
fn term_query(t: &ActorTerm, roles: &[i64]) -> String {
    let q: Vec<String> = roles
        .iter()
        .map(|&r| format!("\"{}\"", token(r, &t.0)))
        .collect();
    format!("({})", q.join(" OR "))
}

/// The counts by actor and by country pair of the events a batch adds,
/// added to `actor_counts` and `edge_counts` at its end: one upsert per
/// actor and per pair rather than one per row.
#[derive(Default)]
struct Tally {
    /// Per actor key: name, country and sector (the largest, as SQL's
    /// `max` keeps), and the number of events.
    actors: HashMap<String, ActorCount>,
    /// Per (source, target) country pair: events, Goldstein sum and count.
    edges: HashMap<(String, String), (i64, f64, i64)>,
}

impl Tally {
    /// Counts a new event.
    fn event(&mut self, e: &Event) {
        let mut seen: Vec<String> = Vec::new();
        for a in e.actors.iter().chain(&e.recipients) {
            let key = actor_key(a);
            let entry = self
                .actors
                .entry(key.clone())
                .or_insert_with(|| ActorCount {
                    key: key.clone(),
                    name: None,
                    country: None,
                    sector: None,
                    events: 0,
                });
            for (old, new) in [
                (&mut entry.name, &a.name),
                (&mut entry.country, &a.country),
                (&mut entry.sector, &a.sector),
            ] {
                if new.is_some() && (old.is_none() || new > old) {
                    old.clone_from(new);
                }
            }
            if !seen.contains(&key) {
                entry.events += 1;
                seen.push(key);
            }
        }
        if e.date.is_some() {
            for pair in dyads(e) {
                let edge = self.edges.entry(pair).or_default();
                edge.0 += 1;
                if let Some(g) = e.goldstein {
                    edge.1 += g;
                    edge.2 += 1;
                }
            }
        }
    }

    fn write(self, tx: &Transaction<'_>) -> Result<()> {
        let mut actor = tx.prepare_cached(
            "INSERT INTO actor_counts (key, name, country, sector, events)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (key) DO UPDATE SET
               events = events + excluded.events,
               name = CASE WHEN name IS NULL OR excluded.name > name THEN excluded.name ELSE name END,
               country = CASE WHEN country IS NULL OR excluded.country > country THEN excluded.country ELSE country END,
               sector = CASE WHEN sector IS NULL OR excluded.sector > sector THEN excluded.sector ELSE sector END",
        )?;
        for a in self.actors.into_values() {
            actor.execute(params![a.key, a.name, a.country, a.sector, a.events as i64])?;
        }
        let mut edge = tx.prepare_cached(
            "INSERT INTO edge_counts (src, tgt, events, goldstein_sum, goldstein_n)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (src, tgt) DO UPDATE SET
               events = events + excluded.events,
               goldstein_sum = goldstein_sum + excluded.goldstein_sum,
               goldstein_n = goldstein_n + excluded.goldstein_n",
        )?;
        for ((src, tgt), (n, sum, k)) in self.edges {
            edge.execute(params![src, tgt, n, sum, k])?;
        }
        Ok(())
    }
}

/// The schema version this dyad writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The SQLite store.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: String,
}

impl SqliteStore {
    /// Opens the store at `path`, creating it (and migrating an older
    /// schema) when needed.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path)?;
        Self::setup(conn, path.display().to_string(), true)
    }

    /// Opens an existing store for reading and querying.
    pub fn open_existing(path: &Path) -> Result<SqliteStore> {
        if !path.is_file() {
            return Err(Error::NotAStore {
                path: path.display().to_string(),
                reason: "no such file; create one with `dyad ingest`".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, path.display().to_string(), false)
    }

    /// A store that lives in memory only, with the on-disk schema (tests).
    pub fn in_memory() -> Result<SqliteStore> {
        Self::setup(Connection::open_in_memory()?, ":memory:".into(), true)
    }

    fn setup(conn: Connection, path: String, create: bool) -> Result<SqliteStore> {
        let not_a_store = |reason: String| Error::NotAStore {
            path: path.clone(),
            reason,
        };
        // The first read tells a SQLite file from anything else.
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| not_a_store(e.to_string()))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if app != APPLICATION_ID && !(app == 0 && tables == 0) {
            return Err(not_a_store("a SQLite database of another program".into()));
        }
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if tables == 0 && !create {
            return Err(not_a_store("an empty database".into()));
        }
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 20000;",
        )?;
        let mut store = SqliteStore { conn, path };
        store.migrate(version)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        if from == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            tx.execute_batch(sql)?;
            if i == 1 {
                index_stored_terms(&tx)?;
                tx.execute_batch(
                    "INSERT INTO actor_counts (key, name, country, sector, events)
                       SELECT key, max(name), max(country), max(sector), count(DISTINCT event)
                       FROM actors GROUP BY key;
                     INSERT INTO edge_counts (src, tgt, events, goldstein_sum, goldstein_n)
                       SELECT src, tgt, count(*), total(goldstein), count(goldstein)
                       FROM dyads GROUP BY src, tgt;",
                )?;
            }
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    /// Where the store is.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Copies the write-ahead log into the database file and empties it, so
    /// that the file alone holds everything (done at the end of an ingest).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// SQLite's own consistency check: `Ok(())` or the problems it found.
    pub fn check(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        if rows == ["ok"] {
            Ok(())
        } else {
            Err(Error::Invalid(format!(
                "{}: integrity check failed: {}",
                self.path,
                rows.join("; ")
            )))
        }
    }

    /// The plan for a filter's actor conditions: from the full-text index
    /// when it finds at most [`RARE`] candidate events, else from the events
    /// in date order.
    fn plan(&self, f: &Filter) -> Result<Plan> {
        let Some(query) = candidates(f) else {
            return Ok(Plan::Scan);
        };
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM event_terms WHERE event_terms MATCH ?1 LIMIT ?2)",
            )?
            .query_row(params![query, RARE + 1], |r| r.get(0))?;
        Ok(if n <= RARE { Plan::Index } else { Plan::Scan })
    }

    /// The events matching a filter, their actor conditions planned as
    /// `plan` says (both plans select the same events).
    fn select(&self, filter: &Filter, plan: Plan) -> Result<Vec<StoredEvent>> {
        let mut out = Vec::new();
        for (id, event) in self.select_coded(filter, plan)? {
            out.push(stored(event, self.mentions_of(id)?));
        }
        Ok(out)
    }

    /// How to select the events of a filter: all of them, gathered from
    /// the terms; a page, as [`SqliteStore::plan`] says.
    fn select_plan(&self, filter: &Filter) -> Result<Plan> {
        if filter.limit.is_some() {
            self.plan(filter)
        } else {
            Ok(Plan::Index)
        }
    }

    /// The matching events with their row ids, without their mentions.
    fn select_coded(&self, filter: &Filter, plan: Plan) -> Result<Vec<(i64, Event)>> {
        let mut w = Where::build(filter, plan);
        let sql = format!(
            "SELECT e.id, e.record FROM events e{} ORDER BY e.date, e.key LIMIT ? OFFSET ?",
            w.sql()
        );
        w.params.push(Value::Integer(
            filter
                .limit
                .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)),
        ));
        w.params.push(Value::Integer(
            i64::try_from(filter.offset).unwrap_or(i64::MAX),
        ));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows: Vec<(i64, String)> = stmt
            .query_map(rusqlite::params_from_iter(w.params.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, record) in rows {
            out.push((id, serde_json::from_str(&record)?));
        }
        Ok(out)
    }

    fn mentions_of(&self, event: i64) -> Result<Vec<Mention>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.doc_id, m.sentence, m.record_id, d.source, d.published, d.url, c.doc_id
             FROM mentions m JOIN documents d ON d.id = m.doc JOIN documents c ON c.id = d.cluster
             WHERE m.event = ?1",
        )?;
        let rows = stmt.query_map([event], |r| {
            Ok(Mention {
                doc_id: r.get(0)?,
                sentence: r.get::<_, i64>(1)? as usize,
                event_id: r.get(2)?,
                source: r.get(3)?,
                published: r.get(4)?,
                url: r.get(5)?,
                cluster: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// A WHERE clause under construction: constant SQL, values as parameters.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    params: Vec<Value>,
}

/// How long `count_upto` counts before it settles for a lower bound.
const COUNT_BUDGET: Duration = Duration::from_millis(60);

/// A filter whose actor terms find at most this many candidate events
/// gathers them first; beyond, matches are common enough (2 % of a million
/// events) for a page to come soon from the events in date order.
const RARE: i64 = 20_000;

/// How the actor conditions of a query reach the events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plan {
    /// From the full-text index to the events: the candidates are gathered
    /// first (`e.id IN (...)`), then checked. Right when they are few.
    Index,
    /// From the events, in date order, each checked until the page is
    /// full. Right when matches are common, so that a page comes soon.
    Scan,
}

/// The FTS5 query of a filter's actor conditions: the events that can
/// match (a superset: tokens lose punctuation and case), or `None` for a
/// filter without actor conditions.
fn candidates(f: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(t) = &f.actor {
        parts.push(term_query(t, &[0]));
    }
    if let Some(t) = &f.recipient {
        parts.push(term_query(t, &[1]));
    }
    if let Some((x, y)) = &f.dyad {
        let one = |x, y| format!("({} AND {})", term_query(x, &[0]), term_query(y, &[0, 1]));
        parts.push(if f.directed {
            one(x, y)
        } else {
            format!("({} OR {})", one(x, y), one(y, x))
        });
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// An actor-term condition on the actors row `t` (a constant alias): the
/// exact rule of [`ActorTerm::matches`].
fn term_sql(t: &str) -> String {
    format!(
        "({t}.country = ? COLLATE NOCASE OR {t}.sector = ? COLLATE NOCASE OR {t}.cameo = ? COLLATE NOCASE OR {t}.kb_id = ? COLLATE NOCASE OR {t}.name = ? COLLATE NOCASE)"
    )
}

impl Where {
    fn text(&mut self, v: &str) {
        self.params.push(Value::Text(v.to_string()));
    }

    fn term(&mut self, t: &ActorTerm) {
        for _ in 0..5 {
            self.text(&t.0);
        }
    }

    /// The conditions of a filter, reaching the actors as `plan` says.
    fn build(f: &Filter, plan: Plan) -> Where {
        let mut w = Where::default();
        if plan == Plan::Index {
            if let Some(query) = candidates(f) {
                w.conds.push(
                    "e.id IN (SELECT rowid FROM event_terms WHERE event_terms MATCH ?)".into(),
                );
                w.text(&query);
            }
        }
        for (role, t) in [(0, &f.actor), (1, &f.recipient)] {
            if let Some(t) = t {
                w.conds.push(format!(
                    "EXISTS (SELECT 1 FROM actors a WHERE a.event = e.id AND a.role = {role} AND {})",
                    term_sql("a")
                ));
                w.term(t);
            }
        }
        if let Some((x, y)) = &f.dyad {
            // An actor named by the first term, and a recipient named by the
            // second, or, for an event without recipients (a meeting),
            // another actor.
            let one = format!(
                "EXISTS (SELECT 1 FROM actors x JOIN actors y ON y.event = x.event
                  WHERE x.event = e.id AND x.role = 0
                  AND (y.role = 1 OR (y.role = 0 AND y.pos <> x.pos
                       AND NOT EXISTS (SELECT 1 FROM actors r WHERE r.event = e.id AND r.role = 1)))
                  AND {} AND {})",
                term_sql("x"),
                term_sql("y")
            );
            if f.directed {
                w.conds.push(one);
                w.term(x);
                w.term(y);
            } else {
                w.conds.push(format!("({one} OR {one})"));
                w.term(x);
                w.term(y);
                w.term(y);
                w.term(x);
            }
        }
        if !f.types.is_empty() {
            w.conds.push(format!(
                "e.event_type IN ({})",
                vec!["?"; f.types.len()].join(", ")
            ));
            for t in &f.types {
                w.text(t.as_str());
            }
        }
        if let Some(m) = &f.mode {
            w.conds.push("e.mode = ? COLLATE NOCASE".into());
            w.text(m);
        }
        if !f.quads.is_empty() {
            w.conds.push(format!(
                "e.quad IN ({})",
                vec!["?"; f.quads.len()].join(", ")
            ));
            for q in &f.quads {
                w.params.push(Value::Integer(i64::from(*q)));
            }
        }
        if !f.modalities.is_empty() {
            w.conds.push(format!(
                "e.modality IN ({})",
                vec!["?"; f.modalities.len()].join(", ")
            ));
            for m in &f.modalities {
                w.text(m.as_str());
            }
        }
        if let Some(s) = &f.since {
            w.conds.push("e.date >= ?".into());
            w.text(s);
        }
        if let Some(u) = &f.until {
            w.conds.push("e.date <= ?".into());
            w.text(u);
        }
        if let Some(p) = &f.place {
            w.conds
                .push("(e.place = ? COLLATE NOCASE OR e.place_country = ? COLLATE NOCASE)".into());
            w.text(p);
            w.text(p);
        }
        if let Some(t) = &f.text {
            w.conds.push("instr(lower(e.text), lower(?)) > 0".into());
            w.text(t);
        }
        if let Some(d) = &f.doc_id {
            w.conds.push(
                "e.id IN (SELECT m.event FROM mentions m JOIN documents d ON d.id = m.doc WHERE d.doc_id = ?)"
                    .into(),
            );
            w.text(d);
        }
        w
    }

    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }
}

/// An event identity as a SQLite integer whose order is the order of the
/// ids' hex text (the top bit flipped: signed order = unsigned order).
fn ordered(hash: u64) -> i64 {
    (hash ^ (1 << 63)) as i64
}

fn content_hash(full: &str) -> String {
    format!("{:016x}", stable_hash(&[full.as_bytes()]))
}

/// The near-duplicate cluster of a new document, if an earlier one is close
/// enough: the cluster of the most similar stored candidate.
fn find_cluster(
    tx: &Transaction<'_>,
    sig: &Signature,
    bands: &[u64; dedup::BANDS],
) -> Result<Option<i64>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT DISTINCT d.id, d.cluster, d.signature FROM bands b JOIN documents d ON d.id = b.doc
         WHERE b.key IN ({})",
        vec!["?"; dedup::BANDS].join(", ")
    ))?;
    let keys = bands.map(|k| k as i64);
    let rows = stmt.query_map(rusqlite::params_from_iter(keys.iter()), |r| {
        Ok((r.get::<_, i64>(1)?, r.get::<_, Option<Vec<u8>>>(2)?))
    })?;
    let mut best: Option<(f64, i64)> = None;
    for row in rows {
        let (cluster, bytes) = row?;
        let Some(other) = bytes.as_deref().and_then(Signature::from_bytes) else {
            continue;
        };
        let s = sig.similarity(&other);
        if s >= dedup::THRESHOLD && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, cluster));
        }
    }
    Ok(best.map(|(_, c)| c))
}

/// Sentence spans packed as little-endian u32 pairs (one blob per document).
fn pack_spans(spans: &[Span]) -> Vec<u8> {
    let mut out = Vec::with_capacity(spans.len() * 8);
    for s in spans {
        out.extend_from_slice(&(s.start as u32).to_le_bytes());
        out.extend_from_slice(&(s.end as u32).to_le_bytes());
    }
    out
}

fn unpack_spans(b: &[u8]) -> Vec<Span> {
    b.chunks_exact(8)
        .map(|c| {
            let n = |x: &[u8]| u32::from_le_bytes([x[0], x[1], x[2], x[3]]) as usize;
            Span::new(n(&c[..4]), n(&c[4..]))
        })
        .collect()
}

fn insert_document(
    tx: &Transaction<'_>,
    cd: &CodedDocument,
    rep: &mut IngestReport,
    tally: &mut Tally,
) -> Result<()> {
    let d = &cd.doc;
    let full = d.full_text();
    let hash = content_hash(&full);
    let stored_hash: Option<String> = tx
        .prepare_cached("SELECT content_hash FROM documents WHERE doc_id = ?1")?
        .query_row([&d.id], |r| r.get(0))
        .optional()?;
    if let Some(h) = stored_hash {
        rep.skipped += 1;
        if h != hash {
            rep.changed += 1;
        }
        return Ok(());
    }
    let sig = dedup::signature(&full);
    let bands = sig.as_ref().map(Signature::bands);
    let cluster = match (&sig, &bands) {
        (Some(s), Some(b)) => find_cluster(tx, s, b)?,
        _ => None,
    };
    let extra = if d.extra.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&d.extra)?)
    };
    tx.prepare_cached(
        "INSERT INTO documents (doc_id, content_hash, title, text, published, source, url, extra, cluster, signature, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        d.id,
        hash,
        d.title,
        d.text,
        d.published,
        d.source,
        d.url,
        extra,
        cluster.unwrap_or(0),
        sig.as_ref().map(Signature::to_bytes),
        pack_spans(&cd.sentences),
    ])?;
    let doc = tx.last_insert_rowid();
    match cluster {
        Some(_) => rep.near_duplicates += 1,
        None => {
            tx.prepare_cached("UPDATE documents SET cluster = ?1 WHERE id = ?1")?
                .execute([doc])?;
        }
    }
    // Only the first article of a cluster is indexed: later copies are found
    // through it, so a story copied a thousand times costs one lookup row
    // per band, not a thousand.
    if let (Some(keys), None) = (&bands, cluster) {
        let mut stmt = tx.prepare_cached("INSERT INTO bands (key, doc) VALUES (?1, ?2)")?;
        for &key in keys {
            stmt.execute(params![key as i64, doc])?;
        }
    }
    let cluster = cluster.unwrap_or(doc);
    for e in &cd.events {
        insert_event(tx, e, doc, cluster, doc != cluster, rep, tally)?;
    }
    rep.documents += 1;
    Ok(())
}

/// Fills `event_terms` from the stored actors (migration 2).
fn index_stored_terms(tx: &Transaction<'_>) -> Result<()> {
    let mut read = tx.prepare(
        "SELECT event, role, country, sector, cameo, kb_id, name FROM actors ORDER BY event, role, pos",
    )?;
    let mut write = tx.prepare("INSERT INTO event_terms (rowid, terms) VALUES (?1, ?2)")?;
    let mut rows = read.query([])?;
    let mut current: Option<i64> = None;
    let mut actors: Vec<(i64, ActorRef)> = Vec::new();
    let mut flush = |event: Option<i64>, actors: &mut Vec<(i64, ActorRef)>| -> Result<()> {
        if let Some(id) = event {
            let tokens = event_tokens(actors.iter().map(|(r, a)| (*r, a)));
            write.execute(params![id, tokens])?;
        }
        actors.clear();
        Ok(())
    };
    while let Some(r) = rows.next()? {
        let event: i64 = r.get(0)?;
        if current != Some(event) {
            flush(current, &mut actors)?;
            current = Some(event);
        }
        actors.push((
            r.get(1)?,
            ActorRef {
                text: String::new(),
                span: Span::new(0, 0),
                country: r.get(2)?,
                sector: r.get(3)?,
                cameo: r.get(4)?,
                kb_id: r.get(5)?,
                name: r.get(6)?,
            },
        ));
    }
    flush(current, &mut actors)
}

fn insert_event(
    tx: &Transaction<'_>,
    e: &Event,
    doc: i64,
    cluster: i64,
    near_duplicate: bool,
    rep: &mut IngestReport,
    tally: &mut Tally,
) -> Result<()> {
    let hash = event_hash(e);
    let key = ordered(hash);
    let story = ordered(story_hash(e));
    let mut existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM events WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    if existing.is_none() && near_duplicate {
        existing = tx
            .prepare_cached(
                // From the (few) articles of the cluster to their events:
                // no index on the story is needed.
                "SELECT e.id FROM documents d CROSS JOIN mentions m ON m.doc = d.id
                 CROSS JOIN events e ON e.id = m.event
                 WHERE d.cluster = ?2 AND e.story = ?1 LIMIT 1",
            )?
            .query_row(params![story, cluster], |r| r.get(0))
            .optional()?;
    }
    let event = match existing {
        Some(id) => {
            rep.merged += 1;
            id
        }
        None => {
            let mut record = e.clone();
            record.id = event_id(hash);
            let (place, place_country) = match &e.location {
                Some(l) => (Some(l.name.clone()), l.country.clone()),
                None => (None, None),
            };
            tx.prepare_cached(
                "INSERT INTO events (key, story, event_type, mode, quad, modality, date, cameo,
                 goldstein, intensity, place, place_country, text, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                key,
                story,
                e.event_type.as_str(),
                e.mode,
                i64::from(e.quad),
                e.modality.as_str(),
                e.date,
                e.cameo,
                e.goldstein,
                e.intensity,
                place,
                place_country,
                e.text,
                serde_json::to_string(&record)?,
            ])?;
            let id = tx.last_insert_rowid();
            let mut stmt = tx.prepare_cached(
                "INSERT INTO actors (event, role, pos, key, country, sector, cameo, kb_id, name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            tally.event(e);
            let roles = e.actors.iter().map(|a| (0, a));
            let tokens = event_tokens(roles.chain(e.recipients.iter().map(|a| (1, a))));
            tx.prepare_cached("INSERT INTO event_terms (rowid, terms) VALUES (?1, ?2)")?
                .execute(params![id, tokens])?;
            for (role, list) in [(0, &e.actors), (1, &e.recipients)] {
                for (pos, a) in list.iter().enumerate() {
                    stmt.execute(params![
                        id,
                        role,
                        pos as i64,
                        actor_key(a),
                        a.country,
                        a.sector,
                        a.cameo,
                        a.kb_id,
                        a.name
                    ])?;
                }
            }
            if let Some(date) = &e.date {
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO dyads (src, tgt, date, event, event_type, quad, goldstein, intensity)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?;
                for (src, tgt) in dyads(e) {
                    stmt.execute(params![
                        src,
                        tgt,
                        date,
                        id,
                        e.event_type.as_str(),
                        i64::from(e.quad),
                        e.goldstein,
                        e.intensity
                    ])?;
                }
            }
            rep.new_events += 1;
            id
        }
    };
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO mentions (event, doc, sentence, record_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let sentences: &[usize] = if e.mentions.is_empty() {
        std::slice::from_ref(&e.sentence)
    } else {
        &e.mentions
    };
    for s in sentences {
        stmt.execute(params![event, doc, *s as i64, e.id])?;
    }
    Ok(())
}

impl Store for SqliteStore {
    fn ingest(&mut self, batch: &[CodedDocument]) -> Result<IngestReport> {
        let tx = self.conn.transaction()?;
        let mut rep = IngestReport::default();
        let mut tally = Tally::default();
        for cd in batch {
            insert_document(&tx, cd, &mut rep, &mut tally)?;
        }
        tally.write(&tx)?;
        tx.commit()?;
        Ok(rep)
    }

    fn contains(&self, doc_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")?
            .exists([doc_id])?)
    }

    fn events(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        self.select(filter, self.select_plan(filter)?)
    }

    fn coded_events(&self, filter: &Filter) -> Result<Vec<Event>> {
        Ok(self
            .select_coded(filter, self.select_plan(filter)?)?
            .into_iter()
            .map(|(_, e)| e)
            .collect())
    }

    fn stored_events(&self, events: Vec<Event>) -> Result<Vec<StoredEvent>> {
        let mut by_key = self
            .conn
            .prepare_cached("SELECT id FROM events WHERE key = ?1")?;
        let mut out = Vec::with_capacity(events.len());
        for e in events {
            // the store's ids are `event_id(hash)`: `ev-` and 16 hex digits
            let hash =
                e.id.strip_prefix("ev-")
                    .and_then(|h| u64::from_str_radix(h, 16).ok());
            let row: Option<i64> = match hash {
                Some(h) => by_key.query_row([ordered(h)], |r| r.get(0)).optional()?,
                None => None,
            };
            let mentions = match row {
                Some(id) => self.mentions_of(id)?,
                None => Vec::new(),
            };
            out.push(stored(e, mentions));
        }
        Ok(out)
    }

    fn count(&self, filter: &Filter) -> Result<usize> {
        let w = Where::build(filter, Plan::Index);
        let sql = format!("SELECT count(*) FROM events e{}", w.sql());
        let n: i64 =
            self.conn
                .query_row(&sql, rusqlite::params_from_iter(w.params.iter()), |r| {
                    r.get(0)
                })?;
        Ok(n as usize)
    }

    /// Counts exactly when the filter is empty; otherwise counts the
    /// matches up to `cap` for at most [`COUNT_BUDGET`], and says "at least"
    /// when it stopped at either (a lower bound, as search engines give).
    fn count_upto(&self, filter: &Filter, cap: usize) -> Result<Total> {
        let plan = self.plan(filter)?;
        let mut w = Where::build(filter, plan);
        if w.conds.is_empty() {
            return Ok(Total::exact(self.count(filter)?));
        }
        let sql = format!("SELECT 1 FROM events e{} LIMIT ?", w.sql());
        w.params
            .push(Value::Integer(i64::try_from(cap).unwrap_or(i64::MAX)));
        let deadline = Instant::now() + COUNT_BUDGET;
        let late = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&late);
        self.conn.progress_handler(
            1000,
            Some(move || {
                let over = Instant::now() > deadline;
                flag.store(over, Ordering::Relaxed);
                over
            }),
        );
        let counted = (|| {
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query(rusqlite::params_from_iter(w.params.iter()))?;
            let mut n = 0;
            loop {
                match rows.next() {
                    Ok(Some(_)) => n += 1,
                    Ok(None) => return Ok(Total::upto(n, cap)),
                    // Out of time: these many at least.
                    Err(_) if late.load(Ordering::Relaxed) => {
                        return Ok(Total {
                            count: n,
                            exact: false,
                        })
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        })();
        self.conn.progress_handler(0, None::<fn() -> bool>);
        counted
    }

    fn dyad_points(
        &self,
        a: &str,
        b: &str,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<DyadPoint>> {
        let a = a.to_ascii_uppercase();
        let b = b.to_ascii_uppercase();
        let mut stmt = self.conn.prepare_cached(
            "SELECT src, date, event, event_type, quad, goldstein, intensity FROM dyads
             WHERE ((src = ?1 AND tgt = ?2) OR (src = ?2 AND tgt = ?1)) AND date >= ?3 AND date <= ?4",
        )?;
        let rows = stmt.query_map(
            params![a, b, since.unwrap_or(""), until.unwrap_or("\u{10ffff}")],
            |r| {
                let src: String = r.get(0)?;
                let t: String = r.get(3)?;
                Ok((
                    src,
                    r.get(1)?,
                    r.get(2)?,
                    t,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (src, date, event, t, quad, goldstein, intensity): (
                String,
                String,
                i64,
                String,
                i64,
                Option<f64>,
                Option<f64>,
            ) = row?;
            let event_type = t
                .parse()
                .map_err(|_| Error::Invalid(format!("stored event type {t:?} is unknown")))?;
            out.push(DyadPoint {
                date,
                forward: src == a,
                event: event as u64,
                event_type,
                quad: quad as u8,
                goldstein,
                intensity,
            });
        }
        Ok(out)
    }

    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, name, country, sector, events FROM actor_counts
             ORDER BY events DESC, key LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok(ActorCount {
                key: r.get(0)?,
                name: r.get(1)?,
                country: r.get(2)?,
                sector: r.get(3)?,
                events: r.get::<_, i64>(4)? as usize,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn network(&self, limit: usize) -> Result<Vec<Edge>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT src, tgt, events, goldstein_sum, goldstein_n FROM edge_counts
             ORDER BY events DESC, src, tgt LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok(Edge {
                src: r.get(0)?,
                tgt: r.get(1)?,
                events: r.get::<_, i64>(2)? as usize,
                mean_goldstein: mean3(
                    r.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
                    r.get::<_, i64>(4)? as usize,
                ),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn document(&self, doc_id: &str) -> Result<Option<StoredDocument>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT d.sentences, d.title, d.text, d.published, d.source, d.url, d.extra, c.doc_id
                 FROM documents d JOIN documents c ON c.id = d.cluster WHERE d.doc_id = ?1",
            )?
            .query_row([doc_id], |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .optional()?;
        let Some((spans, title, text, published, source, url, extra, cluster)) = row else {
            return Ok(None);
        };
        let extra = match extra {
            Some(e) => serde_json::from_str(&e)?,
            None => serde_json::Map::new(),
        };
        let sentences = unpack_spans(&spans);
        Ok(Some(StoredDocument {
            doc: Document {
                id: doc_id.to_string(),
                title,
                text,
                published,
                source,
                url,
                extra,
            },
            sentences,
            cluster,
        }))
    }

    fn stats(&self) -> Result<Stats> {
        let c = |sql: &str| -> Result<usize> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(Stats {
            documents: c("SELECT count(*) FROM documents")?,
            events: c("SELECT count(*) FROM events")?,
            mentions: c("SELECT count(*) FROM mentions")?,
            latest_published: self.conn.query_row(
                "SELECT max(published) FROM documents",
                [],
                |r| r.get(0),
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(
            &text,
            "this is not a database at all, just some text\n".repeat(100),
        )
        .unwrap();
        let err = SqliteStore::open(&text).unwrap_err().to_string();
        assert!(err.contains("not a dyad store"), "{err}");
        let missing = dir.path().join("missing.db");
        let err = SqliteStore::open_existing(&missing)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no such file"), "{err}");
        assert!(!missing.exists());
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x INTEGER)")
            .unwrap();
        let err = SqliteStore::open(&other).unwrap_err().to_string();
        assert!(err.contains("another program"), "{err}");
    }

    #[test]
    fn both_plans_select_the_same_events() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.ingest(&crate::conformance::four_stories("2025-08-11"))
            .unwrap();
        let t = ActorTerm::new;
        let pair = |x: &str, y: &str, directed| Filter {
            dyad: Some((t(x), t(y))),
            directed,
            ..Filter::default()
        };
        let filters = [
            Filter {
                actor: Some(t("usa")),
                ..Filter::default()
            },
            Filter {
                recipient: Some(t("Vladimir Putin")),
                ..Filter::default()
            },
            Filter {
                actor: Some(t("GOV")),
                recipient: Some(t("rus")),
                ..Filter::default()
            },
            pair("USA", "RUS", false),
            pair("RUS", "USA", true),
            pair("usa", "rus", true),
            pair("RUS", "UKR", false),
            pair("UKR", "RUS", true),
            pair("USA", "nobody", false),
        ];
        let mut matched = 0;
        for f in &filters {
            let ids = |plan| -> Vec<String> {
                let ev = s.select(f, plan).unwrap();
                ev.into_iter().map(|e| e.event.id).collect()
            };
            let index = ids(Plan::Index);
            assert_eq!(index, ids(Plan::Scan), "{f:?}");
            assert_eq!(index.len(), s.count(f).unwrap(), "{f:?}");
            matched += usize::from(!index.is_empty());
        }
        assert!(matched >= 7, "the filters must select something");
    }

    #[test]
    fn a_first_schema_store_gains_its_terms() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.db");
        let mut s = SqliteStore::open(&path).unwrap();
        s.ingest(&crate::conformance::four_stories("2025-08-11"))
            .unwrap();
        let f = Filter {
            dyad: Some((ActorTerm::new("usa"), ActorTerm::new("RUS"))),
            limit: Some(10),
            ..Filter::default()
        };
        let before = s.events(&f).unwrap();
        assert!(!before.is_empty());
        let (actors, edges) = (s.actors(10).unwrap(), s.network(10).unwrap());
        assert!(!actors.is_empty() && !edges.is_empty());
        // Back to schema 1, as a store written by an older dyad.
        s.conn
            .execute_batch(
                "DROP TABLE event_terms; DROP INDEX events_place; DROP INDEX events_place_country;
                 DROP TABLE actor_counts; DROP TABLE edge_counts; PRAGMA user_version = 1;",
            )
            .unwrap();
        drop(s);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.events(&f).unwrap(), before);
        assert_eq!(s.actors(10).unwrap(), actors);
        assert_eq!(s.network(10).unwrap(), edges);
    }

    #[test]
    fn a_newer_schema_is_refused_and_an_older_one_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.db");
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        s.conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(s);
        let err = SqliteStore::open(&path).unwrap_err().to_string();
        assert!(err.contains("newer than this dyad knows"), "{err}");
    }
}
