//! The API through `Router::oneshot`: no socket.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use super::*;

struct App {
    _dir: tempfile::TempDir,
    router: Router,
}

fn app(body_limit: usize) -> App {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        db: dir.path().join("events.db"),
        body_limit,
    };
    App {
        router: router(&config).unwrap(),
        _dir: dir,
    }
}

fn example() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/witkoff-moscow.jsonl");
    std::fs::read_to_string(path).unwrap()
}

async fn call(app: &App, req: Request<Body>) -> (StatusCode, Value) {
    let resp = app.router.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, v)
}

async fn get(app: &App, uri: &str) -> (StatusCode, Value) {
    call(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &App, body: &str) -> (StatusCode, Value) {
    let req = Request::post("/api/documents")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    call(app, req).await
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn documents_are_coded_stored_and_served() {
    rt().block_on(async {
        let app = app(1 << 20);
        let (status, v) = post(&app, &example()).await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        assert_eq!(v["report"]["documents"], 1);
        assert_eq!(v["documents"][0], "example-2025-08-06-witkoff-moscow");
        assert!(v["events"].as_array().unwrap().len() >= 6);
        // Posting it again stores nothing new.
        let (status, v) = post(&app, &example()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["report"]["skipped"], 1);

        let (status, v) = get(&app, "/api/events?type=THREATEN&actor=usa").await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["total"], 2);
        assert_eq!(v["total_exact"], true);
        let (_, page) = get(&app, "/api/events?limit=2&offset=1").await;
        assert_eq!(page["events"].as_array().unwrap().len(), 2);
        assert_eq!(page["limit"], 2);

        let (_, v) = get(&app, "/api/threats?recipient=RUS").await;
        let t = &v["threats"][0];
        assert_eq!(t["status"], "pending");
        assert_eq!(t["deadline"], "2025-08-08");
        // threats come in pages, with the total of all pages
        let (_, all) = get(&app, "/api/threats").await;
        let n = all["threats"].as_array().unwrap().len();
        assert!(n >= 2, "{all}");
        assert_eq!(all["total"], n);
        assert_eq!(all["limit"], 200);
        let (_, page) = get(&app, "/api/threats?limit=1&offset=1").await;
        assert_eq!(page["total"], n);
        assert_eq!(page["threats"].as_array().unwrap().len(), 1);
        assert_eq!(page["threats"][0], all["threats"][1]);

        let id = "example-2025-08-06-witkoff-moscow";
        let (status, v) = get(&app, &format!("/api/documents/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let text = v["document"]["text"].as_str().unwrap();
        let title = v["document"]["title"].as_str().unwrap();
        let full = format!("{title}\n\n{text}");
        let meeting = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event_type"] == "CONSULT")
            .unwrap();
        let span = &meeting["trigger"]["span"];
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&full[a..b], meeting["trigger"]["text"].as_str().unwrap());
        assert!(!v["document"]["sentences"].as_array().unwrap().is_empty());

        let (status, v) = get(&app, "/api/series?dyad=USA,RUS&by=month").await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["rows"][0]["period"], "2025-08-01");
        let (status, v) = get(&app, "/api/series?dyad=USA,RUS&by=month&format=svg").await;
        assert_eq!(status, StatusCode::OK);
        let chart = v.as_str().unwrap();
        assert!(
            chart.starts_with("<svg") && chart.contains("2025-08-01"),
            "{chart}"
        );
        assert!(
            chart.contains("<rect") && chart.contains("<circle"),
            "{chart}"
        );
        let (_, v) = get(&app, "/api/actors?limit=5").await;
        assert!(!v["actors"].as_array().unwrap().is_empty());
        assert!(!v["edges"].as_array().unwrap().is_empty());
    });
}

#[test]
fn errors_are_json_with_the_right_status() {
    rt().block_on(async {
        let app = app(2048);
        for (uri, status, msg) in [
            ("/api/events?type=PARLEY", 400, "not a PLOVER event type"),
            ("/api/events?since=yesterday", 400, "not a date"),
            ("/api/events?limit=5000", 400, "not a number from 0 to 1000"),
            ("/api/events?colour=red", 400, "unknown parameter"),
            ("/api/events?directed=true", 400, "directed needs dyad"),
            ("/api/events?actor=%20", 400, "actor is empty"),
            ("/api/events?quad=,", 400, "lists nothing"),
            ("/api/threats?place=", 400, "place is empty"),
            ("/api/series", 400, "dyad is required"),
            ("/api/series?dyad=USA,RUS&by=fortnight", 400, "not a period"),
            (
                "/api/series?dyad=USA,RUS&format=png",
                400,
                "not one of json, svg",
            ),
            ("/api/threats?status=done", 400, "not one of pending"),
            ("/api/documents/nope", 404, "no document"),
            ("/api/nothing", 404, "no such resource"),
            ("/../../etc/passwd", 404, "no such resource"),
            ("/assets/..%2F..%2FCargo.toml", 404, "no such resource"),
        ] {
            let (s, v) = get(&app, uri).await;
            assert_eq!(s.as_u16(), status, "{uri}: {v}");
            assert_eq!(v["status"], status, "{uri}: {v}");
            assert!(v["error"].as_str().unwrap().contains(msg), "{uri}: {v}");
        }
        let (s, v) = post(&app, "{\"text\": \"One.\"}\n{broken\n").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(
            v["error"]
                .as_str()
                .unwrap()
                .contains("line 2: malformed JSON"),
            "{v}"
        );
        let (s, v) = post(&app, "{\"id\": \"x\"}").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(v["error"].as_str().unwrap().contains("no text"), "{v}");
        let (s, _) = post(&app, &"x".repeat(4096)).await;
        assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    });
}

#[test]
fn the_openapi_description_names_every_route() {
    rt().block_on(async {
        let app = app(1024);
        let (s, v) = get(&app, "/api/openapi.json").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["openapi"], "3.0.3");
        for path in [
            "/api/events",
            "/api/series",
            "/api/actors",
            "/api/threats",
            "/api/documents",
            "/api/documents/{id}",
            "/api/openapi.json",
        ] {
            assert!(v["paths"][path].is_object(), "{path} is not described");
        }
        // Every $ref points at a schema that exists.
        let text = OPENAPI;
        for part in text.split("\"$ref\": \"#/components/schemas/").skip(1) {
            let name = part.split('"').next().unwrap();
            assert!(v["components"]["schemas"][name].is_object(), "{name}");
        }
        let (s, v) = get(&app, "/").await;
        assert_eq!(s, StatusCode::OK);
        assert!(v.as_str().unwrap().contains("/assets/app.js"));
        for asset in ["/assets/app.js", "/assets/app.css"] {
            let (s, v) = get(&app, asset).await;
            assert_eq!(s, StatusCode::OK, "{asset}");
            assert!(v.as_str().unwrap().len() > 1000, "{asset}");
        }
        let (s, _) = get(&app, "/assets/app.jsx").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    });
}
