//! `dyad serve`: the event store behind an HTTP API (axum).
//!
//! | route | what |
//! |---|---|
//! | `GET /api/events` | stored events; the filters of `dyad query` as parameters, `limit` (≤ 1000) and `offset` |
//! | `GET /api/series` | a dyad's series: `dyad=USA,RUS`, `by`, `direction`, `since`, `until` |
//! | `GET /api/actors` | the most active actors and the country network (who acts on whom) |
//! | `GET /api/threats` | threats with their status, a page at a time (`limit`, default 200, `offset`, `total`); `as_of`, `status` and the filters |
//! | `GET /api/documents/{id}` | a stored document, its sentence spans and its events |
//! | `POST /api/documents` | a JSON document, an array of them, or JSONL: coded, stored, events returned |
//! | `GET /api/openapi.json` | the OpenAPI 3.0 description |
//! | `GET /` | the dashboard (`assets/`: plain HTML, CSS, JS and SVG, embedded in the binary) |
//!
//! Errors are JSON (`{"error": …, "status": …}`) with the matching status
//! code. SQL is never built from request values (the store binds them as
//! parameters). Static files come from the binary only: there is no path to
//! traverse.

mod error;
mod params;

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_lexicon::Lexicon;
use dyad_model::Document;
use dyad_store::series::{Direction, Period, SeriesQuery};
use dyad_store::{CodedDocument, Filter, SqliteStore, Store};
use serde_json::{json, Value};

pub use error::ApiError;
use params::Params;

/// The OpenAPI description served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");
const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

/// How the server is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store (a SQLite file made by `dyad ingest`, or created empty).
    pub db: PathBuf,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            db: PathBuf::from("events.db"),
            body_limit: 10 * 1024 * 1024,
        }
    }
}

#[derive(Clone)]
struct AppState {
    db: Arc<PathBuf>,
    lexicon: &'static Lexicon,
    /// One writer at a time (SQLite allows one; readers go on meanwhile).
    write: Arc<std::sync::Mutex<()>>,
}

/// The application. The store is opened (and created when missing) here, so
/// that a bad path fails at start-up, not on the first request.
pub fn router(config: &Config) -> Result<Router, String> {
    SqliteStore::open(&config.db).map_err(|e| e.to_string())?;
    let lexicon = Lexicon::builtin().map_err(|e| format!("the built-in lexicon: {e}"))?;
    let state = AppState {
        db: Arc::new(config.db.clone()),
        lexicon,
        write: Arc::new(std::sync::Mutex::new(())),
    };
    Ok(Router::new()
        .route("/", get(index))
        .route("/assets/app.js", get(app_js))
        .route("/assets/app.css", get(app_css))
        .route("/api/events", get(events))
        .route("/api/series", get(series))
        .route("/api/actors", get(actors))
        .route("/api/threats", get(threats))
        .route("/api/documents", axum::routing::post(post_documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/openapi.json", get(openapi))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .with_state(state))
}

/// Runs a blocking store call off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(ApiError::internal)?
}

fn open(db: &std::path::Path) -> Result<SqliteStore, ApiError> {
    SqliteStore::open_existing(db).map_err(ApiError::internal)
}

async fn index() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], INDEX)
}

async fn app_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
}

async fn app_css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no such resource: {}", uri.path()))
}

/// `/api/events` counts the matches exactly when that is cheap, else up to
/// this many ("10,000 or more"), as search engines do.
const TOTAL_CAP: usize = 10_000;

async fn events(
    State(st): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Json<Value>, ApiError> {
    let mut filter = params::filter(&p)?;
    let limit = params::number(&p, "limit", 100, 1000)?;
    let offset = params::number(&p, "offset", 0, usize::MAX)?;
    blocking(move || {
        let store = open(&st.db)?;
        let total = store.count_upto(&filter, TOTAL_CAP)?;
        filter.limit = Some(limit);
        filter.offset = offset;
        let events = store.events(&filter)?;
        Ok(Json(json!({
            "total": total.count,
            "total_exact": total.exact,
            "limit": limit,
            "offset": offset,
            "events": events,
        })))
    })
    .await
}

async fn series(State(st): State<AppState>, Query(p): Query<Params>) -> Result<Response, ApiError> {
    for k in p.keys() {
        if !["dyad", "by", "direction", "since", "until", "format"].contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "unknown parameter {k:?}; known: dyad, by, direction, since, until, format"
            )));
        }
    }
    let svg = match p.get("format").map_or("json", String::as_str) {
        "json" => false,
        "svg" => true,
        f => {
            return Err(ApiError::bad_request(format!(
                "format={f:?} is not one of json, svg"
            )))
        }
    };
    let Some((a, b)) = params::pair(&p, "dyad")? else {
        return Err(ApiError::bad_request("dyad is required, e.g. dyad=USA,RUS"));
    };
    let by_name = p.get("by").map_or("week", String::as_str).to_string();
    let by: Period = by_name.parse().map_err(ApiError::bad_request)?;
    let direction = match p.get("direction").map_or("both", String::as_str) {
        "both" => Direction::Both,
        "forward" => Direction::Forward,
        "backward" => Direction::Backward,
        d => {
            return Err(ApiError::bad_request(format!(
                "direction={d:?} is not one of both, forward, backward"
            )))
        }
    };
    let q = SeriesQuery {
        a: a.0.to_ascii_uppercase(),
        b: b.0.to_ascii_uppercase(),
        by,
        direction,
        since: params::date(&p, "since")?,
        until: params::date(&p, "until")?,
    };
    blocking(move || {
        let store = open(&st.db)?;
        let rows = dyad_store::series::series(&store, &q)?;
        let by = by_name.to_ascii_lowercase();
        if svg {
            let chart = dyad_store::plot::series_svg(&q.a, &q.b, &by, &rows);
            return Ok(([(header::CONTENT_TYPE, "image/svg+xml")], chart).into_response());
        }
        Ok(Json(json!({
            "dyad": [q.a, q.b],
            "by": by,
            "rows": rows,
        }))
        .into_response())
    })
    .await
}

async fn actors(
    State(st): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Json<Value>, ApiError> {
    if let Some(k) = p.keys().find(|k| k.as_str() != "limit") {
        return Err(ApiError::bad_request(format!(
            "unknown parameter {k:?}; known: limit"
        )));
    }
    let limit = params::number(&p, "limit", 50, 1000)?;
    blocking(move || {
        let store = open(&st.db)?;
        Ok(Json(json!({
            "actors": store.actors(limit)?,
            "edges": store.network(limit)?,
        })))
    })
    .await
}

async fn threats(
    State(st): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Json<Value>, ApiError> {
    let filter = params::filter(&p)?;
    if !filter.types.is_empty() {
        return Err(ApiError::bad_request(
            "threats are THREATEN events; leave out type",
        ));
    }
    let as_of = params::date(&p, "as_of")?;
    let status = p.get("status").cloned();
    if let Some(s) = &status {
        if !["pending", "carried_out", "lapsed"].contains(&s.as_str()) {
            return Err(ApiError::bad_request(format!(
                "status={s:?} is not one of pending, carried_out, lapsed"
            )));
        }
    }
    let limit = params::number(&p, "limit", 200, 1000)?;
    let offset = params::number(&p, "offset", 0, usize::MAX)?;
    blocking(move || {
        let store = open(&st.db)?;
        // every threat is judged (for the total), but only the page's are
        // read with their mentions
        let threats: Vec<_> = dyad_store::threats::track_coded(&store, &filter, as_of.as_deref())?
            .into_iter()
            .filter(|t| status.as_deref().is_none_or(|s| t.status.as_str() == s))
            .collect();
        let total = threats.len();
        let page = threats.into_iter().skip(offset).take(limit).collect();
        let page = dyad_store::threats::with_mentions(&store, page)?;
        Ok(Json(json!({
            "threats": page,
            "total": total,
            "limit": limit,
            "offset": offset,
        })))
    })
    .await
}

async fn document(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    blocking(move || {
        let store = open(&st.db)?;
        let Some(doc) = store.document(&id)? else {
            return Err(ApiError::not_found(format!("no document {id:?}")));
        };
        let events = store.events(&Filter {
            doc_id: Some(id),
            ..Filter::default()
        })?;
        Ok(Json(json!({ "document": doc, "events": events })))
    })
    .await
}

/// The documents of a POST body: a JSON object, an array of them, or JSONL.
fn parse_documents(body: &[u8]) -> Result<Vec<Document>, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not UTF-8 text: {e}")))?;
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ApiError::bad_request(
            "the body is empty; send a JSON document",
        ));
    }
    let docs: Vec<Document> = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed)
            .map_err(|e| ApiError::bad_request(format!("malformed JSON array of documents: {e}")))?
    } else {
        let mut docs = Vec::new();
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        // One object over several lines is JSON, not JSONL.
        match serde_json::from_str::<Document>(text) {
            Ok(d) => docs.push(d),
            Err(_) => {
                for (i, line) in lines.by_ref() {
                    docs.push(serde_json::from_str(line).map_err(|e| {
                        ApiError::bad_request(format!(
                            "line {}: malformed JSON document: {e}",
                            i + 1
                        ))
                    })?);
                }
            }
        }
        docs
    };
    let mut out = Vec::with_capacity(docs.len());
    for (i, mut d) in docs.into_iter().enumerate() {
        if d.text.trim().is_empty() && d.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(ApiError::bad_request(format!(
                "document {}: no text (field \"text\" missing or empty)",
                i + 1
            )));
        }
        if let Some(p) = d.published.as_deref() {
            if p.get(..10)
                .and_then(|x| x.parse::<jiff::civil::Date>().ok())
                .is_none()
            {
                return Err(ApiError::bad_request(format!(
                    "document {}: published {p:?} is not a date (YYYY-MM-DD)",
                    i + 1
                )));
            }
        }
        if d.id.is_empty() {
            // The same id as `dyad ingest` gives the same document.
            d.id = d.content_id();
        }
        out.push(d);
    }
    Ok(out)
}

async fn post_documents(State(st): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let docs = parse_documents(&body)?;
    blocking(move || {
        let coded: Vec<CodedDocument> = docs
            .into_iter()
            .map(|doc| {
                let c = dyad_core::code(&doc, st.lexicon);
                CodedDocument {
                    doc,
                    sentences: c.sentences,
                    events: c.events,
                }
            })
            .collect();
        let report = {
            let _one_writer = st
                .write
                .lock()
                .map_err(|_| ApiError::internal("a writer failed"))?;
            let mut store = open(&st.db)?;
            store.ingest(&coded)?
        };
        let events: Vec<_> = coded.iter().flat_map(|c| c.events.iter()).collect();
        let documents: Vec<&str> = coded.iter().map(|c| c.doc.id.as_str()).collect();
        let status = if report.documents > 0 {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        let body = json!({ "report": report, "documents": documents, "events": events });
        Ok((status, Json(body)).into_response())
    })
    .await
}

/// Serves the router on `addr` until the process ends.
pub async fn serve(config: &Config, addr: std::net::SocketAddr) -> Result<(), String> {
    let app = router(config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("listening on {addr}: {e}"))?;
    axum::serve(listener, app)
        .await
        .map_err(|e| format!("serving: {e}"))
}

#[cfg(test)]
mod tests;
