//! One page record: the JSON object `{"url": …, "html": …}` or
//! `{"url": …, "text": …}` (optionally `"date"`) that JSON Lines inputs hold one
//! per line (`unspin ingest`, `unspin analyze --format jsonl -`) and that
//! `POST /api/analyze` receives. The one parser of that object.

use serde_json::Value;
use unspin_ingest::{Format, RawInput};
use unspin_pipeline::{AnalyzeError, Budget, Doc, Options};

/// A parsed page record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `"url"`, when a string.
    pub url: Option<String>,
    /// `"date"` (when the page was seen), when a string.
    pub date: Option<String>,
    /// HTML when the record has an `"html"` string (it wins over `"text"`).
    pub format: Format,
    /// The `"html"` or `"text"` string.
    pub body: String,
}

/// Why a record is not a page.
#[derive(Debug)]
pub enum PageError {
    /// Not JSON at all.
    Json(serde_json::Error),
    /// JSON without an `"html"` or `"text"` string.
    NoBody,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::Json(e) => write!(f, "bad JSON: {e}"),
            PageError::NoBody => f.write_str("needs an \"html\" or \"text\" string"),
        }
    }
}

impl std::error::Error for PageError {}

impl Page {
    /// Parses one record (one JSON Lines line, or a request body).
    pub fn parse(line: &[u8]) -> Result<Page, PageError> {
        Page::from_value(serde_json::from_slice(line).map_err(PageError::Json)?)
    }

    /// The page in an already parsed JSON value (its strings are moved, not copied).
    pub fn from_value(mut v: Value) -> Result<Page, PageError> {
        let mut take = |k: &str| match v.get_mut(k) {
            Some(Value::String(s)) => Some(std::mem::take(s)),
            _ => None,
        };
        let url = take("url");
        let date = take("date");
        let (format, body) = if let Some(h) = take("html") {
            (Format::Html, h)
        } else if let Some(t) = take("text") {
            (Format::Text, t)
        } else {
            return Err(PageError::NoBody);
        };
        Ok(Page {
            url,
            date,
            format,
            body,
        })
    }

    /// Whether `line` looks like a page record (a JSON object with an `"html"` or
    /// `"text"` key), to tell JSON Lines of pages from an article on standard input.
    pub fn looks_like(line: &[u8]) -> bool {
        serde_json::from_slice::<Value>(line)
            .ok()
            .is_some_and(|v| v.get("html").is_some() || v.get("text").is_some())
    }

    /// The page as the pipeline's input, named `label` (its `input.path`).
    pub fn into_input(self, label: &str) -> RawInput {
        RawInput {
            path: label.to_string(),
            bytes: self.body.len() as u64,
            format: self.format,
            text: self.body,
            warnings: vec![],
        }
    }

    /// Analyses the page (named `label`); the record's `url` stands in for a
    /// page that names none itself.
    pub fn analyze(self, label: &str, opts: Options) -> Result<Doc, AnalyzeError> {
        self.analyze_with(label, opts, &Budget::default())
    }

    /// [`Page::analyze`] within a time budget.
    pub fn analyze_with(
        mut self,
        label: &str,
        opts: Options,
        budget: &Budget,
    ) -> Result<Doc, AnalyzeError> {
        let url = self.url.take();
        let mut doc = unspin_pipeline::analyze_input_with(&self.into_input(label), opts, budget)?;
        if doc.meta.url.is_none() {
            doc.meta.url = url;
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_wins_over_text_and_non_strings_are_absent() {
        let p =
            Page::parse(br#"{"url": "u", "html": "<p>h</p>", "text": "t", "date": 5}"#).unwrap();
        assert_eq!(p.format, Format::Html);
        assert_eq!(p.body, "<p>h</p>");
        assert_eq!((p.url.as_deref(), p.date), (Some("u"), None));
        let p = Page::parse(br#"{"html": 1, "text": "t", "date": "2020-01-02"}"#).unwrap();
        assert_eq!((p.format, p.body.as_str()), (Format::Text, "t"));
        assert_eq!((p.url, p.date.as_deref()), (None, Some("2020-01-02")));
    }

    #[test]
    fn refusals_say_why() {
        let e = Page::parse(b"{nope").unwrap_err();
        assert!(e.to_string().starts_with("bad JSON: "), "{e}");
        let e = Page::parse(br#"{"url": "u", "text": 3}"#).unwrap_err();
        assert_eq!(e.to_string(), "needs an \"html\" or \"text\" string");
        assert!(Page::parse(b"[1, 2]").is_err());
    }

    #[test]
    fn looks_like_a_page() {
        assert!(Page::looks_like(br#"{"text": 3}"#));
        assert!(Page::looks_like(br#"{"html": "<p>x</p>"}"#));
        assert!(!Page::looks_like(b"The mayor said so."));
        assert!(!Page::looks_like(br#"{"body": "x"}"#));
    }

    #[test]
    fn the_url_fills_in_for_the_page() {
        let p = Page::parse(
            br#"{"url": "https://e.x/a", "text": "The mayor said the bridge would reopen."}"#,
        )
        .unwrap();
        let d = p.analyze("lbl", Options::default()).unwrap();
        assert_eq!(d.meta.url.as_deref(), Some("https://e.x/a"));
        assert_eq!(d.input.path, "lbl");
    }
}
