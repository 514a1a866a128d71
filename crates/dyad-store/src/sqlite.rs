//! The embedded on-disk store: SQLite (the bundled library), one file.
//!
//! The schema is in `docs/store.md`. Writes go in one transaction per
//! [`Store::ingest`] call, in WAL mode: a process killed mid-ingest leaves
//! every committed batch readable, and a rerun adds the rest (documents
//! already stored are skipped). Values never go into SQL text: every query
//! is a constant with `?` parameters.

use std::path::Path;

use dyad_model::{stable_hash, Document, Event, Span};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

use crate::dedup::{self, Signature};
use crate::identity::{actor_key, dyads, event_hash, event_id, story_hash};
use crate::{
    mean3, stored, ActorCount, CodedDocument, DyadPoint, Edge, Error, Filter, IngestReport,
    Mention, Result, Stats, Store, StoredDocument, StoredEvent,
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
];

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

/// An actor-term condition on the actors row `t` (a constant alias).
fn term_sql(t: &str) -> String {
    format!(
        "({t}.country = ? COLLATE NOCASE OR {t}.sector = ? COLLATE NOCASE OR {t}.cameo = ? COLLATE NOCASE OR {t}.kb_id = ? COLLATE NOCASE OR {t}.name = ? COLLATE NOCASE)"
    )
}

impl Where {
    fn text(&mut self, v: &str) {
        self.params.push(Value::Text(v.to_string()));
    }

    fn term(&mut self, v: &str) {
        for _ in 0..5 {
            self.text(v);
        }
    }

    /// The conditions of a filter; `scan` when rows are read in order
    /// until a limit, rather than all counted.
    fn build(f: &Filter, scan: bool) -> Where {
        let mut w = Where::default();
        if let Some(t) = &f.actor {
            w.conds.push(format!(
                "e.id IN (SELECT a.event FROM actors a WHERE a.role = 0 AND {})",
                term_sql("a")
            ));
            w.term(&t.0);
        }
        if let Some(t) = &f.recipient {
            w.conds.push(format!(
                "e.id IN (SELECT a.event FROM actors a WHERE a.role = 1 AND {})",
                term_sql("a")
            ));
            w.term(&t.0);
        }
        if let Some((x, y)) = &f.dyad {
            // Counting every match: the pairs are found once (IN); reading a
            // page: each event in date order is checked (EXISTS) until the
            // page is full. Same selection, measured 6x and 3x faster
            // respectively on a million events.
            let one = if scan {
                format!(
                    "EXISTS (SELECT 1 FROM actors x JOIN actors y ON y.event = x.event
                      WHERE x.event = e.id AND x.role = 0
                      AND (y.role = 1 OR (y.role = 0 AND y.pos <> x.pos
                           AND NOT EXISTS (SELECT 1 FROM actors r WHERE r.event = e.id AND r.role = 1)))
                      AND {} AND {})",
                    term_sql("x"),
                    term_sql("y")
                )
            } else {
                format!(
                    "e.id IN (SELECT x.event FROM actors x JOIN actors y ON y.event = x.event
                      WHERE x.role = 0
                      AND (y.role = 1 OR (y.role = 0 AND y.pos <> x.pos
                           AND NOT EXISTS (SELECT 1 FROM actors r WHERE r.event = x.event AND r.role = 1)))
                      AND {} AND {})",
                    term_sql("x"),
                    term_sql("y")
                )
            };
            if f.directed {
                w.conds.push(one);
                w.term(&x.0);
                w.term(&y.0);
            } else {
                w.conds.push(format!("({one} OR {one})"));
                w.term(&x.0);
                w.term(&y.0);
                w.term(&y.0);
                w.term(&x.0);
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

fn insert_document(tx: &Transaction<'_>, cd: &CodedDocument, rep: &mut IngestReport) -> Result<()> {
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
        insert_event(tx, e, doc, cluster, doc != cluster, rep)?;
    }
    rep.documents += 1;
    Ok(())
}

fn insert_event(
    tx: &Transaction<'_>,
    e: &Event,
    doc: i64,
    cluster: i64,
    near_duplicate: bool,
    rep: &mut IngestReport,
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
        for cd in batch {
            insert_document(&tx, cd, &mut rep)?;
        }
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
        let mut w = Where::build(filter, filter.limit.is_some());
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
            let event: Event = serde_json::from_str(&record)?;
            out.push(stored(event, self.mentions_of(id)?));
        }
        Ok(out)
    }

    fn count(&self, filter: &Filter) -> Result<usize> {
        let w = Where::build(filter, false);
        let sql = format!("SELECT count(*) FROM events e{}", w.sql());
        let n: i64 =
            self.conn
                .query_row(&sql, rusqlite::params_from_iter(w.params.iter()), |r| {
                    r.get(0)
                })?;
        Ok(n as usize)
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
            "SELECT key, max(name), max(country), max(sector), count(DISTINCT event) AS n
             FROM actors GROUP BY key ORDER BY n DESC, key LIMIT ?1",
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
            "SELECT src, tgt, count(*) AS n, sum(goldstein), count(goldstein)
             FROM dyads GROUP BY src, tgt ORDER BY n DESC, src, tgt LIMIT ?1",
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
