//! `unspin serve`: an HTTP server (axum on hyper) over a corpus store, with a
//! JSON API and a web page whose assets are embedded in the binary.
//!
//! API: `POST /api/analyze` (JSON `{"text"|"html", "url"?, "store"?}`;
//! `?format=html` returns the report page), `GET /api/docs`, `GET /api/docs/{id}`,
//! `GET /api/search?q=`, `GET /api/quotes?speaker=&q=&kind=`, `GET /api/speakers`,
//! `GET /api/outlets`, `GET /api/provenance?q=`, `GET /api/stats`,
//! `GET /api/status`. Pages: `/` (the app) and `/doc/{id}` (a stored document's
//! report, rendered on the server).
//!
//! Security model (docs/corpus.md): loopback by default; every request must name
//! an expected `Host` (DNS rebinding); state-changing requests must be JSON and
//! same-origin (CSRF). Untrusted content is escaped everywhere and HTML responses
//! forbid inline scripts. Requests are limited in size, in number in flight and
//! in the time their headers and body may take; analyses are limited in number
//! (CPU), time, and stop when their client leaves; reads use a pool of read-only
//! connections with a per-query deadline. SIGINT/SIGTERM shut down gracefully.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use unspin_corpus::{Page, PageError};
use unspin_pipeline::{AnalyzeError, Budget, Options};
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

/// The number of CPU cores (1 when unknown).
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpus database (created when missing).
    pub db: PathBuf,
    /// Address to bind; the default is loopback only.
    pub addr: SocketAddr,
    /// Host names accepted in the `Host` header besides the bound address (and
    /// `localhost` when that is loopback); anything else gets 403 (DNS rebinding).
    pub allow_hosts: Vec<String>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Requests handled at once; more wait (up to 30 s) and then get 503.
    pub max_concurrency: usize,
    /// Analyses running at once (each takes a core): bounds the CPU used by
    /// `POST /api/analyze`; more wait (up to 30 s) and then get 503.
    pub max_analyses: usize,
    /// Time budget of one analysis; past it the analysis stops and the request gets 503.
    pub analyze_timeout: Duration,
    /// Time budget of one database read (a search…); past it the query is stopped (503).
    pub query_timeout: Duration,
    /// Read-only database connections serving GET requests side by side.
    pub readers: usize,
    /// Time a client has to send a request's headers (also how long an idle
    /// connection is kept open); then the connection is closed.
    pub header_timeout: Duration,
    /// Time a client has to send a request's body; then it gets 408.
    pub body_timeout: Duration,
    /// On SIGINT/SIGTERM, how long requests in flight may take to finish.
    pub shutdown_grace: Duration,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        Config {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_hosts: vec![],
            max_body: 4 * 1024 * 1024,
            max_concurrency: 16,
            max_analyses: cores(),
            analyze_timeout: Duration::from_secs(30),
            query_timeout: Duration::from_secs(10),
            readers: cores().max(4),
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Read-only connections lent to one request at a time.
struct Readers {
    idle: Mutex<Vec<Store>>,
    free: Arc<Semaphore>,
}

/// A reader on loan; it goes back to the pool when dropped (even after a panic).
struct Lease {
    pool: Arc<Readers>,
    store: Option<Store>,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(s) = self.store.take() {
            s.set_deadline(None);
            self.pool
                .idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(s);
        }
    }
}

/// Counters of `POST /api/analyze` work, shown by `GET /api/status`.
#[derive(Default)]
struct Analyses {
    running: AtomicUsize,
    peak: AtomicUsize,
    done: AtomicUsize,
    cancelled: AtomicUsize,
    timed_out: AtomicUsize,
}

/// Counts one running analysis for as long as it lives.
struct Running<'a>(&'a Analyses);

impl<'a> Running<'a> {
    fn new(a: &'a Analyses) -> Self {
        let n = a.running.fetch_add(1, Ordering::SeqCst) + 1;
        a.peak.fetch_max(n, Ordering::SeqCst);
        Running(a)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Sets the flag when dropped: the handler's future is dropped when the client
/// goes away, and the analysis sees the flag at its next stage.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

#[derive(Clone)]
struct AppState {
    writer: Arc<Mutex<Store>>,
    readers: Arc<Readers>,
    n_readers: usize,
    sem: Arc<Semaphore>,
    cpu: Arc<Semaphore>,
    max_analyses: usize,
    analyses: Arc<Analyses>,
    analyze_timeout: Duration,
    query_timeout: Duration,
    body_timeout: Duration,
    max_body: usize,
    hosts: Arc<HostCheck>,
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

fn busy(what: &str) -> ApiError {
    ApiError(
        StatusCode::SERVICE_UNAVAILABLE,
        format!("server busy: {what}; try again later"),
    )
}

/// A store error as an API error: 400 for a refused query, 503 for one that ran
/// past its deadline, else 500.
fn store_error(e: unspin_store::Error, timeout: Duration) -> ApiError {
    if e.is_bad_query() {
        ApiError(StatusCode::BAD_REQUEST, e.to_string())
    } else if e.is_timeout() {
        ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the query took longer than {} s and was stopped; narrow it (fewer or rarer words)",
                timeout.as_secs_f64()
            ),
        )
    } else {
        internal(e)
    }
}

/// Runs `f` with a read-only connection from the pool on a blocking thread,
/// within the query deadline. Slow reads hold only their own connection.
async fn with_reader<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&Store) -> Result<T, unspin_store::Error> + Send + 'static,
) -> ApiResult<T> {
    let permit = tokio::time::timeout(
        Duration::from_secs(30),
        st.readers.free.clone().acquire_owned(),
    )
    .await
    .map_err(|_| busy("every database connection is in use"))?
    .map_err(internal)?;
    let pool = st.readers.clone();
    let timeout = st.query_timeout;
    tokio::task::spawn_blocking(move || {
        let store = pool.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let lease = Lease {
            pool,
            store,
            _permit: permit,
        };
        let Some(s) = lease.store.as_ref() else {
            return Err(unspin_store::Error(
                "no free database connection (the read pool is short of one)".into(),
            ));
        };
        s.set_deadline(Some(Instant::now() + timeout));
        f(s)
    })
    .await
    .map_err(internal)?
    .map_err(|e| store_error(e, timeout))
}

/// Runs `f` with the (single) read-write connection on a blocking thread.
async fn with_writer<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&mut Store) -> Result<T, unspin_store::Error> + Send + 'static,
) -> ApiResult<T> {
    let store = st.writer.clone();
    tokio::task::spawn_blocking(move || {
        let mut s = store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut s)
    })
    .await
    .map_err(internal)?
    .map_err(internal)
}

/// Which `Host` headers are served: the bound address, `localhost` when it is
/// loopback (or unspecified), any IP literal when bound to every interface
/// (0.0.0.0 / ::), and the names given with `--allow-host`. A name that only
/// resolves to this machine (DNS rebinding) is refused.
#[derive(Debug)]
struct HostCheck {
    ip: IpAddr,
    names: Vec<String>,
}

impl HostCheck {
    fn new(ip: IpAddr, allow: &[String]) -> Self {
        HostCheck {
            ip,
            names: allow
                .iter()
                .map(|h| host_name(h.trim()).to_string())
                .filter(|h| !h.is_empty())
                .collect(),
        }
    }

    fn allows(&self, host: &str) -> bool {
        let name = host_name(host);
        if name.is_empty() {
            return false;
        }
        if self.names.iter().any(|n| n == &name) {
            return true;
        }
        let bare = name.trim_start_matches('[').trim_end_matches(']');
        match bare.parse::<IpAddr>() {
            Ok(ip) => {
                ip == self.ip
                    || self.ip.is_unspecified()
                    || (self.ip.is_loopback() && ip.is_loopback())
            }
            Err(_) => name == "localhost" && (self.ip.is_loopback() || self.ip.is_unspecified()),
        }
    }
}

/// `Host`/authority without its port, lower case, without a trailing dot.
fn host_name(host: &str) -> String {
    let h = host.trim().to_ascii_lowercase();
    let h = if h.starts_with('[') {
        // [v6]:port
        match h.find(']') {
            Some(i) => h[..=i].to_string(),
            None => h,
        }
    } else if h.matches(':').count() == 1 {
        h.split(':').next().unwrap_or("").to_string()
    } else {
        h
    };
    h.trim_end_matches('.').to_string()
}

fn forbidden(msg: String) -> Response {
    ApiError(StatusCode::FORBIDDEN, msg).into_response()
}

/// DNS-rebinding and CSRF guard. Every request must name an allowed `Host`.
/// Every state-changing request (any method but GET/HEAD/OPTIONS) must be
/// `Content-Type: application/json` (which a cross-origin page cannot send
/// without a CORS preflight, which this server never grants) and carry no
/// `Origin` or a same-origin one.
async fn guard(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    let Some(host) = host else {
        return ApiError(StatusCode::BAD_REQUEST, "no Host header".into()).into_response();
    };
    if !st.hosts.allows(&host) {
        return forbidden(format!(
            "Host {host:?} is not served here (DNS rebinding guard); start the server with --allow-host {}",
            host_name(&host)
        ));
    }
    if let Some(a) = req.uri().authority() {
        if !st.hosts.allows(a.as_str()) {
            return forbidden(format!("authority {a} is not served here"));
        }
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let ctype = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mime = ctype.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("application/json") {
            return ApiError(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "{} requests must be Content-Type: application/json (got {ctype:?})",
                    req.method()
                ),
            )
            .into_response();
        }
        if let Some(origin) = req.headers().get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or("");
            let same = origin
                .strip_prefix("http://")
                .is_some_and(|o| o.eq_ignore_ascii_case(host.trim()));
            if !same {
                return forbidden(format!(
                    "cross-origin request refused (Origin {origin:?}, server http://{host})"
                ));
            }
        }
        if req
            .headers()
            .get("sec-fetch-site")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"))
        {
            return forbidden("cross-site request refused".into());
        }
    }
    next.run(req).await
}

/// Reads the whole request body within `body_timeout` (408 when the client is
/// too slow) and `max_body` (413), before a concurrency slot is taken.
async fn read_body(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let too_large = || {
        ApiError(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {} bytes", st.max_body),
        )
        .into_response()
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > st.max_body as u64) {
        return too_large();
    }
    let (parts, body) = req.into_parts();
    match tokio::time::timeout(st.body_timeout, axum::body::to_bytes(body, st.max_body)).await {
        Err(_) => {
            let mut r = ApiError(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "request body not received within {} s",
                    st.body_timeout.as_secs_f64()
                ),
            )
            .into_response();
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
        Ok(Err(e)) => {
            let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&e);
            while let Some(x) = src {
                if x.is::<http_body_util::LengthLimitError>() {
                    return too_large();
                }
                src = x.source();
            }
            ApiError(
                StatusCode::BAD_REQUEST,
                format!("cannot read the body: {e}"),
            )
            .into_response()
        }
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    }
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

/// The router with every route and limit (exposed for embedding and tests):
/// `store` is the read-write connection; reads go through `cfg.readers` read-only
/// connections to the same database (so `cfg.db` must be `store`'s file).
pub fn app(store: Store, cfg: &Config) -> Result<Router, String> {
    Ok(build(store, cfg)?.0)
}

fn build(store: Store, cfg: &Config) -> Result<(Router, AppState), String> {
    let n = cfg.readers.max(1);
    let mut idle = Vec::with_capacity(n);
    for _ in 0..n {
        idle.push(Store::open_read_only(&cfg.db).map_err(|e| e.to_string())?);
    }
    let state = AppState {
        writer: Arc::new(Mutex::new(store)),
        readers: Arc::new(Readers {
            idle: Mutex::new(idle),
            free: Arc::new(Semaphore::new(n)),
        }),
        n_readers: n,
        sem: Arc::new(Semaphore::new(cfg.max_concurrency.max(1))),
        cpu: Arc::new(Semaphore::new(cfg.max_analyses.max(1))),
        max_analyses: cfg.max_analyses.max(1),
        analyses: Arc::default(),
        analyze_timeout: cfg.analyze_timeout,
        query_timeout: cfg.query_timeout,
        body_timeout: cfg.body_timeout,
        max_body: cfg.max_body,
        hosts: Arc::new(HostCheck::new(cfg.addr.ip(), &cfg.allow_hosts)),
    };
    let router = Router::new()
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
        .route("/api/status", get(status))
        .layer(middleware::from_fn_with_state(state.clone(), limit))
        .layer(middleware::from_fn_with_state(state.clone(), read_body))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(middleware::from_fn(common_headers))
        .layer(DefaultBodyLimit::max(cfg.max_body))
        .with_state(state.clone());
    Ok((router, state))
}

/// Bounds the requests in flight.
async fn limit(State(st): State<AppState>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(Duration::from_secs(30), st.sem.clone().acquire_owned()).await {
        Ok(Ok(permit)) => {
            let r = next.run(req).await;
            drop(permit);
            r
        }
        _ => busy("too many requests in flight").into_response(),
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
    let doc = with_reader(&st, move |s| s.doc(id))
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
    if !ctype.starts_with("application/json") {
        // The guard refuses these already; kept so that the handler stands alone.
        return Err(ApiError(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send JSON: {\"text\": …} or {\"html\": …}".into(),
        ));
    }
    let bad = |e: PageError| ApiError(StatusCode::BAD_REQUEST, e.to_string());
    let v: Value = serde_json::from_slice(&body).map_err(|e| bad(PageError::Json(e)))?;
    let store_it = v["store"].as_bool().unwrap_or(false) || qs(&q, "store") == Some("1");
    let page = Page::from_value(v).map_err(bad)?;
    if page.body.trim().is_empty() {
        return Err(ApiError(StatusCode::BAD_REQUEST, "empty article".into()));
    }
    let want_html = qs(&q, "format") == Some("html");
    let hash = content_hash(page.body.as_bytes());
    // One core per running analysis: the permit moves into the blocking task and
    // is released only when the work has really ended.
    let cpu = tokio::time::timeout(Duration::from_secs(30), st.cpu.clone().acquire_owned())
        .await
        .map_err(|_| busy("too many analyses running"))?
        .map_err(internal)?;
    let cancel = Arc::new(AtomicBool::new(false));
    let _cancel_on_drop = CancelOnDrop(cancel.clone());
    let budget = Budget {
        deadline: Some(Instant::now() + st.analyze_timeout),
        cancel: Some(cancel),
    };
    let counters = st.analyses.clone();
    let doc = tokio::task::spawn_blocking(move || {
        let _cpu = cpu;
        let _running = Running::new(&counters);
        let r = page.analyze_with("pasted", Options::default(), &budget);
        match &r {
            Ok(_) => &counters.done,
            Err(AnalyzeError::Cancelled { .. }) => &counters.cancelled,
            Err(AnalyzeError::TimedOut { .. }) => &counters.timed_out,
            Err(_) => &counters.done,
        }
        .fetch_add(1, Ordering::SeqCst);
        r
    })
    .await
    .map_err(internal)?
    .map_err(|e| match e {
        AnalyzeError::TimedOut { .. } | AnalyzeError::Cancelled { .. } => ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the analysis took longer than {} s and was stopped",
                st.analyze_timeout.as_secs_f64()
            ),
        ),
        AnalyzeError::TooLarge { .. } => ApiError(StatusCode::PAYLOAD_TOO_LARGE, e.to_string()),
        e => ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
    })?;
    let mut id = None;
    if store_it {
        let item = Ingested {
            doc: doc.clone(),
            hash: hash.clone(),
            source: "pasted".into(),
            seen: None,
        };
        id = with_writer(&st, move |s| {
            Ok(match s.insert(&item)? {
                Some(id) => Some(id),
                None => s.id_of_hash(&hash).ok().flatten(),
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

/// The server's own counters: analyses running (and the most at once), finished,
/// cancelled (client gone) and stopped at their deadline; connections.
async fn status(State(st): State<AppState>) -> Json<Value> {
    let a = &st.analyses;
    let n = |x: &AtomicUsize| x.load(Ordering::SeqCst);
    Json(json!({
        "analyses": {
            "running": n(&a.running),
            "peak": n(&a.peak),
            "limit": st.max_analyses,
            "done": n(&a.done),
            "cancelled": n(&a.cancelled),
            "timed_out": n(&a.timed_out),
        },
        "readers": st.n_readers,
        "readers_idle": st.readers.free.available_permits(),
    }))
}

async fn list_docs(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let (limit, offset) = (qn(&q, "limit", 50, 500), qn(&q, "offset", 0, usize::MAX));
    let rows = with_reader(&st, move |s| s.list_docs(limit, offset)).await?;
    Ok(Json(json!({ "docs": rows })))
}

async fn get_doc(
    State(st): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Response> {
    if qs(&q, "format") == Some("html") {
        let doc = with_reader(&st, move |s| s.doc(id))
            .await?
            .ok_or_else(|| not_found("document"))?;
        return Ok(html_page(report_page(&doc), CSP_REPORT));
    }
    let mut v = with_reader(&st, move |s| s.doc_json(id))
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
    let (docs, quotes) = with_reader(&st, move |s| {
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
    let rows = with_reader(&st, move |s| s.quotes(&f)).await?;
    Ok(Json(json!({ "quotes": rows })))
}

async fn speakers(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let top = qn(&q, "top", 20, 1000);
    let rows = with_reader(&st, move |s| s.speakers(top)).await?;
    Ok(Json(json!({ "speakers": rows })))
}

async fn outlets(
    State(st): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let top = qn(&q, "top", 50, 1000);
    let rows = with_reader(&st, move |s| s.outlets(top)).await?;
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
    let hits = with_reader(&st, move |s| s.provenance(&qq, limit)).await?;
    Ok(Json(json!({ "quote": quote, "hits": hits })))
}

async fn stats(State(st): State<AppState>) -> ApiResult<Json<Value>> {
    let s = with_reader(&st, |s| s.stats()).await?;
    Ok(Json(json!(s)))
}

/// Opens the store and serves until SIGINT or SIGTERM (Ctrl-C): then it stops
/// accepting connections, lets the requests in flight finish (up to
/// `shutdown_grace`; a second signal stops at once), checkpoints the WAL into the
/// database and returns. `on_ready` gets the bound address (useful with port 0).
pub fn run(cfg: Config, on_ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let rt = runtime()?;
    let signals = rt.block_on(async { Signals::new() })?;
    serve_on(rt, cfg, on_ready, signals)
}

/// [`run`], stopping when `shutdown` completes instead of on a signal.
pub fn run_until(
    cfg: Config,
    on_ready: impl FnOnce(SocketAddr),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    let rt = runtime()?;
    serve_on(rt, cfg, on_ready, Signals::Future(Box::pin(shutdown)))
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))
}

/// What ends the server: SIGINT/SIGTERM, or a future.
enum Signals {
    #[cfg(unix)]
    Unix(tokio::signal::unix::Signal, tokio::signal::unix::Signal),
    Future(std::pin::Pin<Box<dyn Future<Output = ()> + Send>>),
}

impl Signals {
    /// Installs the handlers now (before the server says it is ready).
    fn new() -> Result<Signals, String> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let e = |e: std::io::Error| format!("cannot handle signals: {e}");
            Ok(Signals::Unix(
                signal(SignalKind::interrupt()).map_err(e)?,
                signal(SignalKind::terminate()).map_err(e)?,
            ))
        }
        #[cfg(not(unix))]
        {
            Ok(Signals::Future(Box::pin(async {
                let _ = tokio::signal::ctrl_c().await;
            })))
        }
    }

    async fn recv(&mut self) {
        match self {
            #[cfg(unix)]
            Signals::Unix(int, term) => {
                tokio::select! {
                    _ = int.recv() => {}
                    _ = term.recv() => {}
                }
            }
            Signals::Future(f) => {
                f.as_mut().await;
                // Completed once: any later wait is for ever.
                *f = Box::pin(std::future::pending());
            }
        }
    }
}

fn serve_on(
    rt: tokio::runtime::Runtime,
    cfg: Config,
    on_ready: impl FnOnce(SocketAddr),
    mut signals: Signals,
) -> Result<(), String> {
    let store = Store::open(&cfg.db).map_err(|e| e.to_string())?;
    let (router, state) = build(store, &cfg)?;
    let writer = state.writer.clone();
    drop(state);
    let r = rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(cfg.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", cfg.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        on_ready(addr);
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(cfg.header_timeout)
            .keep_alive(true);
        loop {
            tokio::select! {
                conn = listener.accept() => {
                    let stream = match conn {
                        Ok((s, _)) => s,
                        Err(e) => {
                            // Out of file descriptors and the like: wait a little.
                            eprintln!("unspin: accept: {e}");
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            continue;
                        }
                    };
                    let svc = hyper_util::service::TowerToHyperService::new(router.clone());
                    let conn = http.serve_connection(hyper_util::rt::TokioIo::new(stream), svc);
                    let conn = graceful.watch(conn);
                    tokio::spawn(async move {
                        let _ = conn.await;
                    });
                }
                _ = signals.recv() => break,
            }
        }
        drop(listener);
        eprintln!("unspin: shutting down; finishing the requests in flight");
        tokio::select! {
            _ = graceful.shutdown() => {}
            _ = tokio::time::sleep(cfg.shutdown_grace) => {
                eprintln!("unspin: requests still running after {} s; stopping them", cfg.shutdown_grace.as_secs());
            }
            _ = signals.recv() => eprintln!("unspin: second signal; stopping now"),
        }
        Ok::<_, String>(())
    });
    drop(router);
    // Abandoned analyses see their cancel flag at their next stage.
    rt.shutdown_timeout(Duration::from_secs(5));
    let store = writer.lock().unwrap_or_else(|p| p.into_inner());
    store
        .checkpoint()
        .map_err(|e| format!("checkpoint on shutdown: {e}"))?;
    r
}
