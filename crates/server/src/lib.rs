//! `unspin serve`: an HTTP server (axum) over a corpus store, with a JSON API and
//! a web page whose assets are embedded in the binary.
//!
//! API: `POST /api/analyze` (JSON `{"text"|"html", "url"?, "store"?}` or a raw
//! `text/plain` / `text/html` body; `?format=html` returns the report page),
//! `GET /api/docs`, `GET /api/docs/{id}`, `GET /api/search?q=`,
//! `GET /api/quotes?speaker=&q=&kind=`, `GET /api/speakers`, `GET /api/outlets`,
//! `GET /api/provenance?q=`, `GET /api/stats`. Pages: `/` (the app) and
//! `/doc/{id}` (a stored document's report, rendered on the server).
//!
//! Untrusted content is escaped everywhere: the report renderer escapes article
//! text, the page's script only ever sets `textContent`, and every HTML response
//! carries a Content-Security-Policy that forbids inline scripts. Requests are
//! limited in size and in number in flight; the default address is loopback.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use unspin_pipeline::{Format, Options, RawInput};
use unspin_store::{content_hash, Ingested, QuoteFilter, Store};

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

/// Content-Security-Policy of the app page: scripts only from this server.
const CSP_APP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                       img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; \
                       frame-ancestors 'none'";
/// Content-Security-Policy of report pages: no scripts at all.
const CSP_REPORT: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                          base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpus database (created when missing).
    pub db: PathBuf,
    /// Address to bind; the default is loopback only.
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Requests handled at once; more wait (up to 30 s) and then get 503.
    pub max_concurrency: usize,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        Config {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body: 4 * 1024 * 1024,
            max_concurrency: 16,
        }
    }
}

#[derive(Clone)]
struct AppState {
    store: Arc<Mutex<Store>>,
    sem: Arc<Semaphore>,
}

/// An API error: status and message, sent as `{"error": …}`.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({"error": self.1}))).into_response()
    }
}

type ApiResult<T> = Result<T, ApiError>;

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

fn not_found(what: &str) -> ApiError {
    ApiError(StatusCode::NOT_FOUND, format!("{what} not found"))
}

/// Runs `f` with the store on a blocking thread.
async fn with_store<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&mut Store) -> Result<T, unspin_store::Error> + Send + 'static,
) -> ApiResult<T> {
    let store = st.store.clone();
    tokio::task::spawn_blocking(move || {
        let mut s = store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut s)
    })
    .await
    .map_err(internal)?
    .map_err(internal)
}

fn html_page(body: String, csp: &'static str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(csp),
            ),
        ],
        body,
    )
        .into_response()
}

/// The router with every route and limit (exposed for embedding and tests).
pub fn app(store: Store, cfg: &Config) -> Router {
    let state = AppState {
        store: Arc::new(Mutex::new(store)),
        sem: Arc::new(Semaphore::new(cfg.max_concurrency.max(1))),
    };
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/app.css", get(app_css))
        .route("/doc/{id}", get(doc_page))
        .route("/api/analyze", post(analyze))
        .route("/api/docs", get(list_docs))
        .route("/api/docs/{id}", get(get_doc))
        .route("/api/search", get(search))
        .route("/api/quotes", get(quotes))
        .route("/api/speakers", get(speakers))
        .route("/api/outlets", get(outlets))
        .route("/api/provenance", get(provenance))
        .route("/api/stats", get(stats))
        .layer(middleware::from_fn_with_state(state.clone(), limit))
        .layer(middleware::from_fn(common_headers))
        .layer(DefaultBodyLimit::max(cfg.max_body))
        .with_state(state)
}

/// Bounds the requests in flight.
async fn limit(State(st): State<AppState>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(Duration::from_secs(30), st.sem.clone().acquire_owned()).await {
        Ok(Ok(permit)) => {
            let r = next.run(req).await;
            drop(permit);
            r
        }
        _ => ApiError(StatusCode::SERVICE_UNAVAILABLE, "server busy".into()).into_response(),
    }
}

async fn common_headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

async fn index() -> Response {
    html_page(INDEX_HTML.to_string(), CSP_APP)
}

async fn app_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
        .into_response()
}

async fn app_css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS).into_response()
}

/// The report page with a small navigation bar back to the app.
fn report_page(doc: &unspin_doc::Doc) -> String {
    let page = unspin_report::html(doc);
    let nav =
        "<nav style=\"font:14px system-ui,sans-serif;padding:.4rem 1.2rem;background:#1f2a37\">\
               <a style=\"color:#fff\" href=\"/\">← unspin</a></nav>\n";
    match page.find("<body>\n") {
        Some(i) => format!("{}{}{}", &page[..i + 7], nav, &page[i + 7..]),
        None => page,
    }
}

async fn doc_page(State(st): State<AppState>, Path(id): Path<i64>) -> ApiResult<Response> {
    let doc = with_store(&st, move |s| s.doc(id))
        .await?
        .ok_or_else(|| not_found("document"))?;
    Ok(html_page(report_page(&doc), CSP_REPORT))
}

fn qs<'a>(q: &'a HashMap<String, String>, k: &str) -> Option<&'a str> {
    q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn qn(q: &HashMap<String, String>, k: &str, default: usize, max: usize) -> usize {
    qs(q, k)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .min(max)
}

async fn analyze(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (format, text, url, store_it) = if ctype.starts_with("application/json") {
        let v: Value = serde_json::from_slice(&body)
            .map_err(|e| ApiError(StatusCode::BAD_REQUEST, format!("bad JSON: {e}")))?;
        let (f, t) = if let Some(h) = v["html"].as_str() {
            (Format::Html, h.to_string())
        } else if let Some(t) = v["text"].as_str() {
            (Format::Text, t.to_string())
        } else {
            return Err(ApiError(
                StatusCode::BAD_REQUEST,
                "give \"text\" or \"html\"".into(),
            ));
        };
        (
            f,
            t,
            v["url"].as_str().map(str::to_string),
            v["store"].as_bool().unwrap_or(false),
        )
    } else {
        let t = String::from_utf8(body.to_vec())
            .map_err(|_| ApiError(StatusCode::BAD_REQUEST, "body is not UTF-8".into()))?;
        let f = if ctype.starts_with("text/html") {
            Format::Html
        } else {
            Format::Text
        };
        (f, t, None, qs(&q, "store") == Some("1"))
    };
    if text.trim().is_empty() {
        return Err(ApiError(StatusCode::BAD_REQUEST, "empty article".into()));
    }
    let want_html = qs(&q, "format") == Some("html");
    let hash = content_hash(text.as_bytes());
    let doc = tokio::task::spawn_blocking(move || {
        let raw = RawInput {
            path: "pasted".into(),
            bytes: text.len() as u64,
            format,
            text,
            warnings: vec![],
        };
        let mut doc = unspin_pipeline::analyze_input(&raw, Options::default())?;
        if doc.meta.url.is_none() {
            doc.meta.url = url;
        }
        Ok::<_, unspin_pipeline::AnalyzeError>(doc)
    })
    .await
    .map_err(internal)?
    .map_err(|e| ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let mut id = None;
    if store_it {
        let item = Ingested {
            doc: doc.clone(),
            hash: hash.clone(),
            source: "pasted".into(),
            seen: None,
        };
        id = with_store(&st, move |s| {
            Ok(match s.insert(&item)? {
                Some(id) => Some(id),
                None => s
                    .conn()
                    .query_row("SELECT id FROM documents WHERE hash = ?1", [&hash], |r| {
                        r.get::<_, i64>(0)
                    })
                    .ok(),
            })
        })
        .await?;
    }
    if want_html {
        let mut r = html_page(report_page(&doc), CSP_REPORT);
        if let Some(id) = id {
            r.headers_mut().insert("x-unspin-id", HeaderValue::from(id));
        }
        return Ok(r);
    }
    let mut v = doc.to_json();
    if let (Some(id), Value::Object(m)) = (id, &mut v) {
        m.insert("id".into(), id.into());
    }
    Ok(Json(v).into_response())
}

async fn list_docs(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let (limit, offset) = (qn(&q, "limit", 50, 500), qn(&q, "offset", 0, usize::MAX));
    let rows = with_store(&st, move |s| s.list_docs(limit, offset)).await?;
    Ok(Json(json!({ "docs": rows })))
}

async fn get_doc(
    State(st): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Response> {
    if qs(&q, "format") == Some("html") {
        let doc = with_store(&st, move |s| s.doc(id))
            .await?
            .ok_or_else(|| not_found("document"))?;
        return Ok(html_page(report_page(&doc), CSP_REPORT));
    }
    let mut v = with_store(&st, move |s| s.doc_json(id))
        .await?
        .ok_or_else(|| not_found("document"))?;
    if let Value::Object(m) = &mut v {
        m.insert("id".into(), id.into());
    }
    Ok(Json(v).into_response())
}

async fn search(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let query = qs(&q, "q").unwrap_or("").to_string();
    let (limit, offset) = (qn(&q, "limit", 20, 200), qn(&q, "offset", 0, usize::MAX));
    let qq = query.clone();
    let (docs, quotes) = with_store(&st, move |s| {
        let docs = s.search(&qq, limit, offset)?;
        let quotes = s.quotes(&QuoteFilter {
            text: Some(qq.clone()),
            limit,
            offset,
            ..Default::default()
        })?;
        Ok((docs, quotes))
    })
    .await?;
    Ok(Json(
        json!({ "query": query, "docs": docs, "quotes": quotes }),
    ))
}

async fn quotes(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let f = QuoteFilter {
        speaker: qs(&q, "speaker").map(str::to_string),
        text: qs(&q, "q").map(str::to_string),
        kind: qs(&q, "kind").map(str::to_string),
        doc_id: qs(&q, "doc").and_then(|d| d.parse().ok()),
        limit: qn(&q, "limit", 50, 500),
        offset: qn(&q, "offset", 0, usize::MAX),
    };
    let rows = with_store(&st, move |s| s.quotes(&f)).await?;
    Ok(Json(json!({ "quotes": rows })))
}

async fn speakers(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let top = qn(&q, "top", 20, 1000);
    let rows = with_store(&st, move |s| s.speakers(top)).await?;
    Ok(Json(json!({ "speakers": rows })))
}

async fn outlets(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let top = qn(&q, "top", 50, 1000);
    let rows = with_store(&st, move |s| s.outlets(top)).await?;
    Ok(Json(json!({ "outlets": rows })))
}

async fn provenance(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let quote = qs(&q, "q")
        .ok_or_else(|| ApiError(StatusCode::BAD_REQUEST, "give q=QUOTE".into()))?
        .to_string();
    let limit = qn(&q, "limit", 100, 1000);
    let qq = quote.clone();
    let hits = with_store(&st, move |s| s.provenance(&qq, limit)).await?;
    Ok(Json(json!({ "quote": quote, "hits": hits })))
}

async fn stats(State(st): State<AppState>) -> ApiResult<Json<Value>> {
    let s = with_store(&st, |s| s.stats()).await?;
    Ok(Json(json!(s)))
}

/// Opens the store and serves until the process ends; `on_ready` gets the bound
/// address (useful with port 0).
pub fn run(cfg: Config, on_ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let store = Store::open(&cfg.db).map_err(|e| e.to_string())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(cfg.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", cfg.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        on_ready(addr);
        axum::serve(listener, app(store, &cfg))
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}
