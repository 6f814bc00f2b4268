//! Checks for `unspin/1` JSON, for every crate's tests: validation against
//! `schema/unspin-1.schema.json` ([`validate_json`]), offsets that really index
//! `text` ([`check_offsets`]) and entity references that resolve ([`check_refs`]).
//!
//! The schema is checked by a small interpreter of the JSON Schema subset it uses
//! (type, enum, const, properties, required, additionalProperties, items, minItems,
//! minimum, maximum, minLength, pattern, anyOf, oneOf, local `$ref`). It refuses
//! keywords it does not know, so the schema cannot silently ask for more than is
//! checked. (The `jsonschema` crate was measured at ~90 s of extra build time on
//! 2 cores, too much for the team machine.)

use serde_json::Value;
use unspin_doc::offsets::ByteIndex;

/// The `unspin/1` JSON Schema (draft 2020-12), as shipped in `schema/`.
pub const SCHEMA_JSON: &str = include_str!("../../../schema/unspin-1.schema.json");

/// Validates one `unspin/1` report against the JSON Schema. Errors are
/// `"/json/pointer: what is wrong"`.
pub fn validate_json(doc: &Value) -> Result<(), Vec<String>> {
    static SCHEMA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let schema = SCHEMA.get_or_init(|| {
        serde_json::from_str(SCHEMA_JSON).expect("schema/unspin-1.schema.json parses")
    });
    validate_with(schema, doc)
}

/// Checks everything the CLI printed as JSON: one report object, an array of them
/// (`--format json` with several inputs) or one per line (`--format jsonl`). Runs
/// [`check_all`] on each report; errors are prefixed with the report's index.
pub fn check_output(stdout: &str) -> Result<(), Vec<String>> {
    let reports: Vec<Value> = match serde_json::from_str::<Value>(stdout) {
        Ok(Value::Array(a)) => a,
        Ok(v) => vec![v],
        Err(_) => {
            let mut v = Vec::new();
            for (i, line) in stdout
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                match serde_json::from_str(line) {
                    Ok(x) => v.push(x),
                    Err(e) => return Err(vec![format!("line {}: not JSON: {e}", i + 1)]),
                }
            }
            v
        }
    };
    if reports.is_empty() {
        return Err(vec!["no JSON report in the output".into()]);
    }
    let mut errs = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        if let Err(e) = check_all(r) {
            errs.extend(e.into_iter().map(|m| format!("report {i}: {m}")));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// Same as [`validate_json`]; the name other crates' tests may prefer.
pub fn check(doc: &Value) -> Result<(), Vec<String>> {
    validate_json(doc)
}

/// Schema, offsets and references together.
pub fn check_all(doc: &Value) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    for r in [validate_json(doc), check_offsets(doc), check_refs(doc)] {
        if let Err(e) = r {
            errs.extend(e);
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// Validates `instance` against any schema in the supported subset.
pub fn validate_with(schema: &Value, instance: &Value) -> Result<(), Vec<String>> {
    let mut v = Validator {
        root: schema,
        errors: Vec::new(),
    };
    v.check(schema, instance, &mut String::new(), 0);
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

struct Validator<'a> {
    root: &'a Value,
    errors: Vec<String>,
}

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "$defs",
    "definitions",
    "title",
    "description",
    "examples",
    "default",
];

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_type(v: &Value, t: &str) -> bool {
    match t {
        "integer" => match v {
            Value::Number(n) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        },
        "number" => v.is_number(),
        other => type_name(v) == other,
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(59).collect::<String>())
    } else {
        s
    }
}

/// Escapes a key for a JSON pointer.
fn ptr_key(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

impl<'a> Validator<'a> {
    fn err(&mut self, path: &str, msg: String) {
        let p = if path.is_empty() { "/" } else { path };
        self.errors.push(format!("{p}: {msg}"));
    }

    fn resolve(&mut self, r: &str) -> Option<&'a Value> {
        let p = r.strip_prefix('#')?;
        self.root.pointer(p)
    }

    fn check(&mut self, schema: &'a Value, v: &Value, path: &mut String, depth: usize) {
        if depth > 64 {
            self.err(path, "schema nesting too deep (recursive $ref?)".into());
            return;
        }
        let obj = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return self.err(path, "no value is allowed here".into()),
            Value::Object(o) => o,
            _ => return self.err(path, "schema is not an object".into()),
        };
        for (k, kv) in obj {
            match k.as_str() {
                "$ref" => {
                    let r = kv.as_str().unwrap_or("");
                    match self.resolve(r) {
                        Some(target) => self.check(target, v, path, depth + 1),
                        None => self.err(path, format!("schema: unresolvable $ref {r:?}")),
                    }
                }
                "type" | "enum" | "const" => self.check_kind(k, kv, v, path),
                "minimum" | "maximum" | "minLength" | "pattern" => {
                    self.check_bounds(k, kv, v, path)
                }
                "properties" | "required" | "additionalProperties" => {
                    if let Some(o) = v.as_object() {
                        self.check_object(obj, k, kv, o, path, depth);
                    }
                }
                "items" | "minItems" => {
                    if let Some(a) = v.as_array() {
                        self.check_array(k, kv, a, path, depth);
                    }
                }
                "anyOf" | "oneOf" => self.check_alternatives(k, kv, v, path, depth),
                a if ANNOTATIONS.contains(&a) => {}
                other => self.err(path, format!("schema: unsupported keyword {other:?}")),
            }
        }
    }

    /// Checks `v` against `sub` at `path` + `/segment` (`segment` already escaped).
    fn check_child(
        &mut self,
        sub: &'a Value,
        v: &Value,
        path: &mut String,
        segment: &str,
        depth: usize,
    ) {
        let len = path.len();
        path.push('/');
        path.push_str(segment);
        self.check(sub, v, path, depth + 1);
        path.truncate(len);
    }

    /// `type`, `enum` and `const`: which values are allowed at all.
    fn check_kind(&mut self, k: &str, kv: &Value, v: &Value, path: &str) {
        match k {
            "type" => {
                let ok = match kv {
                    Value::String(t) => is_type(v, t),
                    Value::Array(ts) => {
                        ts.iter().any(|t| t.as_str().is_some_and(|t| is_type(v, t)))
                    }
                    _ => false,
                };
                if !ok {
                    self.err(
                        path,
                        format!("expected type {}, found {}", kv, type_name(v)),
                    );
                }
            }
            "enum" => {
                let opts = kv.as_array().map(Vec::as_slice).unwrap_or(&[]);
                if !opts.contains(v) {
                    let list: Vec<String> = opts.iter().map(|o| o.to_string()).collect();
                    self.err(
                        path,
                        format!("{} is not one of [{}]", short(v), list.join(", ")),
                    );
                }
            }
            _ => {
                if kv != v {
                    self.err(path, format!("{} is not {}", short(v), kv));
                }
            }
        }
    }

    /// `minimum`, `maximum`, `minLength` and `pattern`: limits on numbers and strings.
    fn check_bounds(&mut self, k: &str, kv: &Value, v: &Value, path: &str) {
        match k {
            "minimum" | "maximum" => {
                if let (Some(x), Some(lim)) = (v.as_f64(), kv.as_f64()) {
                    let bad = if k == "minimum" { x < lim } else { x > lim };
                    if bad {
                        self.err(path, format!("{} is out of range ({k} {})", short(v), kv));
                    }
                }
            }
            "minLength" => {
                if let (Some(s), Some(n)) = (v.as_str(), kv.as_u64()) {
                    if (s.chars().count() as u64) < n {
                        self.err(path, format!("string shorter than {n}"));
                    }
                }
            }
            _ => {
                if let Some(s) = v.as_str() {
                    match Pattern::parse(kv.as_str().unwrap_or("")) {
                        Ok(p) => {
                            if !p.is_match(s) {
                                self.err(path, format!("{} does not match {}", short(v), kv));
                            }
                        }
                        Err(e) => self.err(path, format!("schema: {e}")),
                    }
                }
            }
        }
    }

    /// `properties`, `required` and `additionalProperties` on an object value
    /// (`schema` is the object schema holding them).
    fn check_object(
        &mut self,
        schema: &'a serde_json::Map<String, Value>,
        k: &str,
        kv: &'a Value,
        o: &serde_json::Map<String, Value>,
        path: &mut String,
        depth: usize,
    ) {
        match k {
            "properties" => {
                if let Some(props) = kv.as_object() {
                    for (name, sub) in props {
                        if let Some(x) = o.get(name) {
                            self.check_child(sub, x, path, &ptr_key(name), depth);
                        }
                    }
                }
            }
            "required" => {
                for name in kv
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    if !o.contains_key(name) {
                        self.err(path, format!("missing required field {name:?}"));
                    }
                }
            }
            _ => {
                let props = schema.get("properties").and_then(Value::as_object);
                for (name, x) in o {
                    if props.is_some_and(|p| p.contains_key(name)) {
                        continue;
                    }
                    match kv {
                        Value::Bool(false) => self.err(path, format!("unexpected field {name:?}")),
                        Value::Bool(true) => {}
                        sub => self.check_child(sub, x, path, &ptr_key(name), depth),
                    }
                }
            }
        }
    }

    /// `items` and `minItems` on an array value.
    fn check_array(
        &mut self,
        k: &str,
        kv: &'a Value,
        a: &[Value],
        path: &mut String,
        depth: usize,
    ) {
        if k == "items" {
            for (i, x) in a.iter().enumerate() {
                self.check_child(kv, x, path, &i.to_string(), depth);
            }
        } else if let Some(n) = kv.as_u64() {
            if (a.len() as u64) < n {
                self.err(path, format!("needs at least {n} items, has {}", a.len()));
            }
        }
    }

    /// `anyOf` (at least one subschema passes) and `oneOf` (exactly one does).
    fn check_alternatives(&mut self, k: &str, kv: &'a Value, v: &Value, path: &str, depth: usize) {
        let subs = kv.as_array().map(Vec::as_slice).unwrap_or(&[]);
        let mut passing = 0;
        for sub in subs {
            let mut inner = Validator {
                root: self.root,
                errors: Vec::new(),
            };
            inner.check(sub, v, &mut path.to_string(), depth + 1);
            if inner.errors.is_empty() {
                passing += 1;
            }
        }
        let ok = if k == "anyOf" {
            passing > 0
        } else {
            passing == 1
        };
        if !ok {
            self.err(
                path,
                format!("{} matches {passing} of the {k} schemas", short(v)),
            );
        }
    }
}

/// A tiny regular-expression subset for schema `pattern`s: literals, `.`, escapes
/// (`\d \w \s` and escaped punctuation), classes `[a-z0-9_]` / `[^…]`, quantifiers
/// `* + ? {n} {n,} {n,m}`, and the anchors `^` `$`. No groups or alternation.
#[derive(Debug)]
pub struct Pattern {
    items: Vec<(Atom, usize, usize)>,
    start_anchor: bool,
    end_anchor: bool,
}

#[derive(Debug)]
enum Atom {
    Any,
    Char(char),
    Class(Vec<(char, char)>, bool),
}

impl Atom {
    fn matches(&self, c: char) -> bool {
        match self {
            Atom::Any => c != '\n',
            Atom::Char(x) => *x == c,
            Atom::Class(ranges, neg) => ranges.iter().any(|(a, b)| *a <= c && c <= *b) != *neg,
        }
    }
}

fn class_escape(c: char) -> Option<Vec<(char, char)>> {
    Some(match c {
        'd' => vec![('0', '9')],
        'w' => vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')],
        's' => vec![(' ', ' '), ('\t', '\r')],
        _ => return None,
    })
}

impl Pattern {
    /// Parses a pattern, or says which feature it uses that is not supported.
    pub fn parse(p: &str) -> Result<Pattern, String> {
        let mut cs: Vec<char> = p.chars().collect();
        let start_anchor = cs.first() == Some(&'^');
        if start_anchor {
            cs.remove(0);
        }
        let end_anchor = cs.last() == Some(&'$') && !(cs.len() >= 2 && cs[cs.len() - 2] == '\\');
        if end_anchor {
            cs.pop();
        }
        let mut items = Vec::new();
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            i += 1;
            let atom = match c {
                '.' => Atom::Any,
                '\\' => {
                    let e = *cs.get(i).ok_or("pattern ends with \\")?;
                    i += 1;
                    match class_escape(e) {
                        Some(r) => Atom::Class(r, false),
                        None if e.is_ascii_punctuation() => Atom::Char(e),
                        None => return Err(format!("unsupported escape \\{e} in pattern {p:?}")),
                    }
                }
                '[' => {
                    let neg = cs.get(i) == Some(&'^');
                    if neg {
                        i += 1;
                    }
                    let mut ranges = Vec::new();
                    loop {
                        let c = *cs.get(i).ok_or(format!("unclosed [ in pattern {p:?}"))?;
                        i += 1;
                        if c == ']' && !ranges.is_empty() {
                            break;
                        }
                        let lo = if c == '\\' {
                            let e = *cs.get(i).ok_or("pattern ends with \\")?;
                            i += 1;
                            if let Some(r) = class_escape(e) {
                                ranges.extend(r);
                                continue;
                            }
                            e
                        } else {
                            c
                        };
                        if cs.get(i) == Some(&'-') && cs.get(i + 1).is_some_and(|&x| x != ']') {
                            let hi = cs[i + 1];
                            i += 2;
                            ranges.push((lo, hi));
                        } else {
                            ranges.push((lo, lo));
                        }
                    }
                    Atom::Class(ranges, neg)
                }
                '(' | ')' | '|' | '^' | '$' | '*' | '+' | '?' | '{' | '}' => {
                    return Err(format!("unsupported regex feature {c:?} in pattern {p:?}"))
                }
                c => Atom::Char(c),
            };
            let (mut lo, mut hi) = (1, 1);
            match cs.get(i) {
                Some('*') => (lo, hi, i) = (0, usize::MAX, i + 1),
                Some('+') => (lo, hi, i) = (1, usize::MAX, i + 1),
                Some('?') => (lo, hi, i) = (0, 1, i + 1),
                Some('{') => {
                    let close = cs[i..]
                        .iter()
                        .position(|&c| c == '}')
                        .ok_or(format!("unclosed {{ in pattern {p:?}"))?;
                    let body: String = cs[i + 1..i + close].iter().collect();
                    let num = |s: &str| {
                        s.trim()
                            .parse::<usize>()
                            .map_err(|_| format!("bad repeat {{{body}}} in {p:?}"))
                    };
                    match body.split_once(',') {
                        None => {
                            lo = num(&body)?;
                            hi = lo;
                        }
                        Some((a, "")) => {
                            lo = num(a)?;
                            hi = usize::MAX;
                        }
                        Some((a, b)) => {
                            lo = num(a)?;
                            hi = num(b)?;
                        }
                    }
                    i += close + 1;
                }
                _ => {}
            }
            items.push((atom, lo, hi));
        }
        Ok(Pattern {
            items,
            start_anchor,
            end_anchor,
        })
    }

    /// True when the pattern matches somewhere in `s` (anchors respected).
    pub fn is_match(&self, s: &str) -> bool {
        let cs: Vec<char> = s.chars().collect();
        let starts = if self.start_anchor {
            0..=0
        } else {
            0..=cs.len()
        };
        starts.into_iter().any(|st| self.at(&cs, st, 0))
    }

    fn at(&self, cs: &[char], pos: usize, item: usize) -> bool {
        let Some((atom, lo, hi)) = self.items.get(item) else {
            return !self.end_anchor || pos == cs.len();
        };
        // Greedy: take as many as possible, then back off.
        let mut n = 0;
        while n < *hi && pos + n < cs.len() && atom.matches(cs[pos + n]) {
            n += 1;
        }
        loop {
            if n < *lo {
                return false;
            }
            if self.at(cs, pos + n, item + 1) {
                return true;
            }
            if n == 0 {
                return false;
            }
            n -= 1;
        }
    }
}

/// Checks that every span indexes `text` in Unicode characters: any object with
/// integer `start` and `end` (anywhere in the report) must have
/// `start <= end <= text.chars().count()`, and when it has a `text` field, that
/// field must equal `text.chars().skip(start).take(end - start)`. Also checks that
/// paragraphs and sentences are in text order without overlaps, that each
/// entity's mentions are in text order, and that each quote's
/// `cue_start`/`cue_end` index its `cue`.
pub fn check_offsets(doc: &Value) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let Some(text) = doc.get("text").and_then(Value::as_str) else {
        return Err(vec!["/text: missing or not a string".into()]);
    };
    let chars = ByteIndex::new(text);
    if let Some(o) = doc.as_object() {
        for (k, v) in o {
            if k != "text" {
                walk(v, &mut format!("/{}", ptr_key(k)), text, &chars, &mut errs);
            }
        }
    }
    for (i, q) in items(doc.get("quotes")) {
        check_cue(q, &format!("/quotes/{i}"), text, &chars, &mut errs);
    }
    for layer in ["paragraphs", "sentences"] {
        ordered(doc.get(layer), &format!("/{layer}"), false, &mut errs);
    }
    for (i, e) in items(doc.get("entities")) {
        ordered(
            e.get("mentions"),
            &format!("/entities/{i}/mentions"),
            true,
            &mut errs,
        );
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// A quote's `cue_start`/`cue_end` (additive in unspin/1, so they may be absent
/// together): both null when `cue` is null, otherwise character offsets whose
/// characters of `text` are exactly `cue`.
fn check_cue(q: &Value, path: &str, text: &str, chars: &ByteIndex, errs: &mut Vec<String>) {
    let (cs, ce) = (q.get("cue_start"), q.get("cue_end"));
    if cs.is_none() && ce.is_none() {
        return;
    }
    let null = |v: Option<&Value>| v.is_none_or(Value::is_null);
    let Some(cue) = q.get("cue").and_then(Value::as_str) else {
        if !null(cs) || !null(ce) {
            errs.push(format!("{path}: cue is null but cue_start/cue_end are not"));
        }
        return;
    };
    let (Some(s), Some(e)) = (cs.and_then(Value::as_u64), ce.and_then(Value::as_u64)) else {
        errs.push(format!(
            "{path}: cue {cue:?} needs non-negative integer cue_start and cue_end"
        ));
        return;
    };
    let n = chars.chars() as u64;
    if s > e || e > n {
        errs.push(format!(
            "{path}: cue span [{s}, {e}) does not fit a text of {n} characters"
        ));
        return;
    }
    let got = &text[chars.byte_of(s as usize)..chars.byte_of(e as usize)];
    if got != cue {
        errs.push(format!(
            "{path}: cue {cue:?} but [{s}, {e}) of text is {got:?}"
        ));
    }
}

/// The elements of a JSON array with their indices (none when `v` is not an array).
fn items(v: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn ordered(list: Option<&Value>, path: &str, overlap_ok: bool, errs: &mut Vec<String>) {
    let mut prev: Option<(u64, u64)> = None;
    for (i, x) in items(list) {
        let (Some(s), Some(e)) = (
            x.get("start").and_then(Value::as_u64),
            x.get("end").and_then(Value::as_u64),
        ) else {
            continue;
        };
        if let Some((ps, pe)) = prev {
            if s < ps || (!overlap_ok && s < pe) {
                errs.push(format!(
                    "{path}/{i}: [{s}, {e}) is out of text order after [{ps}, {pe})"
                ));
            }
        }
        prev = Some((s, e));
    }
}

fn walk(v: &Value, path: &mut String, text: &str, chars: &ByteIndex, errs: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let (Some(s), Some(e)) = (o.get("start"), o.get("end")) {
                match (s.as_u64(), e.as_u64()) {
                    (Some(s), Some(e)) => {
                        let n = chars.chars() as u64;
                        if s > e || e > n {
                            errs.push(format!(
                                "{path}: span [{s}, {e}) does not fit a text of {n} characters"
                            ));
                        } else if let Some(t) = o.get("text").and_then(Value::as_str) {
                            let got = &text[chars.byte_of(s as usize)..chars.byte_of(e as usize)];
                            if got != t {
                                errs.push(format!(
                                    "{path}: text {:?} but [{s}, {e}) of text is {:?}",
                                    t, got
                                ));
                            }
                        }
                    }
                    _ => errs.push(format!("{path}: start/end are not non-negative integers")),
                }
            }
            for (k, x) in o {
                let len = path.len();
                path.push('/');
                path.push_str(&ptr_key(k));
                walk(x, path, text, chars, errs);
                path.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                walk(x, path, text, chars, errs);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Checks references: entity ids are unique, and every `entity` field (quote
/// speakers, sources) names an `entities[].id`.
pub fn check_refs(doc: &Value) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for (i, e) in items(doc.get("entities")) {
        if let Some(id) = e.get("id").and_then(Value::as_str) {
            if ids.contains(&id) {
                errs.push(format!("/entities/{i}/id: duplicate id {id:?}"));
            }
            ids.push(id);
        }
    }
    let mut refer = |path: String, v: Option<&Value>| {
        if let Some(id) = v.and_then(Value::as_str) {
            if !ids.contains(&id) {
                errs.push(format!("{path}: entity {id:?} is not in entities"));
            }
        }
    };
    for (i, q) in items(doc.get("quotes")) {
        refer(
            format!("/quotes/{i}/speaker/entity"),
            q.get("speaker").and_then(|s| s.get("entity")),
        );
    }
    for (i, s) in items(doc.get("sources")) {
        refer(format!("/sources/{i}/entity"), s.get("entity"));
    }
    // A technique's triggers lie inside its span.
    let at = |v: &Value, k: &str| v.get(k).and_then(Value::as_i64);
    for (i, t) in items(doc.get("techniques")) {
        let (Some(a), Some(b)) = (at(t, "start"), at(t, "end")) else {
            continue;
        };
        for (k, g) in items(t.get("triggers")) {
            if at(g, "start").is_some_and(|x| x < a) || at(g, "end").is_some_and(|x| x > b) {
                errs.push(format!(
                    "/techniques/{i}/triggers/{k}: outside the technique's span {a}..{b}"
                ));
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use serde_json::json;

    fn fixture_json() -> Value {
        fixture::doc().to_json()
    }

    fn errors(r: Result<(), Vec<String>>) -> String {
        r.err().unwrap_or_default().join("\n")
    }

    #[test]
    fn fixture_passes_everything() {
        let v = fixture_json();
        validate_json(&v).unwrap();
        check_offsets(&v).unwrap();
        check_refs(&v).unwrap();
        check_all(&v).unwrap();
        check(&v).unwrap();
        // An empty document is valid too.
        let mut d = unspin_doc::Doc::new("");
        d.input.format = "text".into();
        check_all(&d.to_json()).unwrap();
        d.text = "Plain text, no layers.".into();
        check_all(&d.to_json()).unwrap();
        // `input.format` is what the input was read as: never empty.
        d.input.format = String::new();
        assert!(errors(validate_json(&d.to_json())).contains("/input/format"));
    }

    #[test]
    fn schema_rejects_broken_reports() {
        type Breaker = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Breaker, &str)> = vec![
            (
                "missing field",
                Box::new(|v| {
                    v["quotes"][0].as_object_mut().unwrap().remove("cue");
                }),
                "/quotes/0: missing required field \"cue\"",
            ),
            (
                "missing top-level",
                Box::new(|v| {
                    v.as_object_mut().unwrap().remove("warnings");
                }),
                "/: missing required field \"warnings\"",
            ),
            (
                "bad quote kind",
                Box::new(|v| v["quotes"][1]["kind"] = json!("exclamation")),
                "/quotes/1/kind: \"exclamation\" is not one of",
            ),
            (
                "bad entity kind",
                Box::new(|v| v["entities"][0]["kind"] = json!("Person")),
                "/entities/0/kind",
            ),
            (
                "bad attribution",
                Box::new(|v| v["sentences"][2]["attribution"] = json!("named")),
                "/sentences/2/attribution",
            ),
            (
                "bad paragraph kind",
                Box::new(|v| v["paragraphs"][0]["kind"] = json!("headline")),
                "/paragraphs/0/kind",
            ),
            (
                "bad source kind",
                Box::new(|v| v["sources"][4]["kind"] = json!("rumor")),
                "/sources/4/kind",
            ),
            (
                "bad chrome kind",
                Box::new(|v| v["chrome"][0]["kind"] = json!("advert")),
                "/chrome/0/kind",
            ),
            (
                "negative offset",
                Box::new(|v| v["techniques"][0]["start"] = json!(-3)),
                "/techniques/0/start: -3 is out of range",
            ),
            (
                "fractional offset",
                Box::new(|v| v["sentences"][0]["end"] = json!(2.5)),
                "/sentences/0/end: expected type \"integer\"",
            ),
            (
                "extra field",
                Box::new(|v| v["meta"]["author"] = json!("x")),
                "/meta: unexpected field \"author\"",
            ),
            (
                "wrong schema id",
                Box::new(|v| v["schema"] = json!("unspin/2")),
                "/schema: \"unspin/2\" is not \"unspin/1\"",
            ),
            (
                "wrong type",
                Box::new(|v| v["meta"]["byline"] = json!("Ana Lee")),
                "/meta/byline: expected type \"array\"",
            ),
            (
                "speaker not object",
                Box::new(|v| v["quotes"][1]["speaker"] = json!("Ruiz")),
                "/quotes/1/speaker: expected type",
            ),
            (
                "bad entity id",
                Box::new(|v| v["entities"][0]["id"] = json!("E-0")),
                "/entities/0/id: \"E-0\" does not match",
            ),
            (
                "bad technique name",
                Box::new(|v| v["techniques"][0]["technique"] = json!("Loaded Language")),
                "/techniques/0/technique",
            ),
            (
                "score above 1",
                Box::new(|v| v["techniques"][0]["score"] = json!(1.5)),
                "/techniques/0/score",
            ),
            (
                "null input",
                Box::new(|v| v["input"] = Value::Null),
                "/input: expected type \"object\"",
            ),
        ];
        for (name, break_it, want) in cases {
            let mut v = fixture_json();
            break_it(&mut v);
            let e = errors(validate_json(&v));
            assert!(e.contains(want), "{name}: wanted {want:?} in errors:\n{e}");
        }
    }

    #[test]
    fn offsets_are_checked_in_chars() {
        let v = fixture_json();
        // The title starts "Mayor’s “bold”": char offsets differ from byte offsets.
        let q = &v["quotes"][1];
        let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let text = v["text"].as_str().unwrap();
        let got: String = text
            .chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect();
        assert_eq!(got, q["text"].as_str().unwrap());
        assert!(text.len() > text.chars().count());

        let mut bad = v.clone();
        bad["quotes"][1]["start"] = json!(s + 1);
        let e1 = errors(check_offsets(&bad));
        assert!(e1.contains("/quotes/1: text \"This plan"), "{e1}");

        let mut bad = v.clone();
        bad["entities"][1]["mentions"][0]["text"] = json!("Valparaiso");
        assert!(errors(check_offsets(&bad)).contains("/entities/1/mentions/0"));

        let mut bad = v.clone();
        bad["findings"][0]["spans"][0]["end"] = json!(100_000);
        assert!(errors(check_offsets(&bad)).contains("does not fit"));

        let mut bad = v.clone();
        bad["quotes"][1]["speaker"]["end"] = json!(0);
        assert!(errors(check_offsets(&bad)).contains("/quotes/1/speaker"));

        let mut bad = v.clone();
        bad["sentences"].as_array_mut().unwrap().swap(1, 2);
        assert!(errors(check_offsets(&bad)).contains("/sentences/2: "));

        let mut bad = v.clone();
        bad["techniques"][0]["triggers"][0]["text"] = json!("nope");
        assert!(errors(check_offsets(&bad)).contains("/techniques/0/triggers/0"));

        // A trigger that repeats the text correctly but lies outside its technique.
        let mut bad = v.clone();
        bad["techniques"][0]["triggers"][0] = bad["quotes"][1].clone();
        bad["techniques"][0]["triggers"][0]
            .as_object_mut()
            .unwrap()
            .retain(|k, _| matches!(k.as_str(), "start" | "end" | "text"));
        assert!(check_offsets(&bad).is_ok());
        assert!(errors(check_refs(&bad)).contains("/techniques/0/triggers/0: outside"));
        assert!(check_refs(&v).is_ok());

        let mut bad = v;
        bad["techniques"][0]["start"] = json!(-1);
        assert!(errors(check_offsets(&bad)).contains("not non-negative integers"));
    }

    #[test]
    fn multibyte_offsets_from_doc_to_json() {
        // Emoji (4 bytes, 1 char), accents, curly quotes: spans after them must still line up.
        let t = "🏠 Zoë said “café ☕ time” — ok 👍🏽 done";
        let mut d = unspin_doc::Doc::new(t);
        d.input.format = "text".into();
        let q = fixture::nth(t, "café ☕ time", 0);
        let who = fixture::nth(t, "Zoë", 0);
        d.entities.push(unspin_doc::Entity {
            id: "e0".into(),
            name: "Zoë".into(),
            kind: unspin_doc::EntityKind::Person,
            mentions: vec![unspin_doc::Mention {
                span: who,
                reference: false,
            }],
        });
        d.quotes.push(unspin_doc::Quote {
            span: q,
            kind: unspin_doc::QuoteKind::Direct,
            speaker: Some(unspin_doc::Speaker {
                span: who,
                entity: Some(0),
                name: "Zoë".into(),
            }),
            cue: Some(fixture::nth(t, "said", 0)),
        });
        d.techniques.push(unspin_doc::Technique {
            span: fixture::nth(t, "done", 0),
            technique: unspin_doc::TechniqueName::Doubt,
            score: 0.25,
            triggers: Vec::new(),
        });
        let v = d.to_json();
        check_all(&v).unwrap();
        assert_eq!(v["quotes"][0]["start"], json!(12));
        assert_eq!(v["techniques"][0]["start"], json!(t.chars().count() - 4));
        assert_eq!(v["quotes"][0]["cue_start"], json!(6));
        assert_eq!(v["quotes"][0]["cue_end"], json!(10));
    }

    /// The characters `[start, end)` of `text`, counted as the schema counts them
    /// (not with the validator's own index, so the two cannot share a mistake).
    fn char_slice(text: &str, start: &Value, end: &Value) -> Option<String> {
        let (s, e) = (start.as_u64()? as usize, end.as_u64()? as usize);
        Some(text.chars().skip(s).take(e.checked_sub(s)?).collect())
    }

    #[test]
    fn cue_offsets_index_text_in_chars_after_non_ascii() {
        // Curly quotes (3 bytes each) and é (2 bytes) before the cue: byte offsets
        // written as character offsets would land several characters too far.
        let t = "“Le café reste ouvert,” Amélie Durand said on Tuesday. “Fermé,” he said.";
        let mut d = unspin_doc::Doc::new(t);
        d.input.format = "text".into();
        for (quote, cue) in [
            ("Le café reste ouvert,", Some(("said", 0))),
            ("Fermé,", None),
        ] {
            d.quotes.push(unspin_doc::Quote {
                span: fixture::nth(t, quote, 0),
                kind: unspin_doc::QuoteKind::Direct,
                speaker: None,
                cue: cue.map(|(c, n)| fixture::nth(t, c, n)),
            });
        }
        let v = d.to_json();
        let text = v["text"].as_str().unwrap();
        let q = &v["quotes"][0];
        assert_eq!(q["cue"], json!("said"));
        assert_eq!(
            char_slice(text, &q["cue_start"], &q["cue_end"]).as_deref(),
            Some("said"),
            "text[cue_start..cue_end] in characters must be the cue: {q}"
        );
        assert_eq!(q["cue_start"], json!(38));
        // No cue: both offsets are written, as null.
        let q = &v["quotes"][1];
        assert_eq!(
            (&q["cue"], &q["cue_start"], &q["cue_end"]),
            (&Value::Null, &Value::Null, &Value::Null)
        );
        assert!(q.as_object().unwrap().contains_key("cue_start"));
        check_all(&v).unwrap();
    }

    #[test]
    fn cue_offsets_are_checked() {
        let v = fixture_json();
        check_offsets(&v).unwrap();
        let quotes = v["quotes"].as_array().unwrap();
        let cued = quotes.iter().position(|q| q["cue"].is_string()).unwrap();
        let nocue = quotes.iter().position(|q| q["cue"].is_null()).unwrap();
        let mut bad = v.clone();
        bad["quotes"][cued]["cue_start"] = json!(0);
        let e = errors(check_offsets(&bad));
        assert!(e.contains(&format!("/quotes/{cued}: cue \"")), "{e}");
        let mut bad = v.clone();
        bad["quotes"][cued]["cue_end"] = Value::Null;
        assert!(errors(check_offsets(&bad)).contains("needs non-negative integer"));
        let mut bad = v.clone();
        bad["quotes"][cued]["cue_end"] = json!(1_000_000);
        assert!(errors(check_offsets(&bad)).contains("does not fit"));
        let mut bad = v.clone();
        bad["quotes"][nocue]["cue_start"] = json!(0);
        assert!(errors(check_offsets(&bad)).contains("cue is null but"));
        // Reports written before the fields were added lack both: still valid.
        let mut old = v;
        for q in old["quotes"].as_array_mut().unwrap() {
            let q = q.as_object_mut().unwrap();
            q.remove("cue_start");
            q.remove("cue_end");
        }
        check_all(&old).unwrap();
    }

    #[test]
    fn cli_output_forms() {
        let one = fixture_json();
        let pretty = serde_json::to_string_pretty(&one).unwrap();
        check_output(&pretty).unwrap();
        let arr = serde_json::to_string_pretty(&json!([one.clone(), one.clone()])).unwrap();
        check_output(&arr).unwrap();
        let lines = format!("{}\n{}\n", one, one);
        check_output(&lines).unwrap();
        let mut bad = one.clone();
        bad["quotes"][0]["kind"] = json!("nope");
        let lines = format!("{}\n{}\n", one, bad);
        let e = errors(check_output(&lines));
        assert!(e.starts_with("report 1: /quotes/0/kind"), "{e}");
        assert!(check_output("").is_err());
        assert!(check_output("{\"a\": 1}\nnot json").is_err());
    }

    #[test]
    fn refs_are_checked() {
        let mut v = fixture_json();
        v["sources"][0]["entity"] = json!("e99");
        v["entities"][1]["id"] = json!("e0");
        let e = errors(check_refs(&v));
        assert!(e.contains("/sources/0/entity: entity \"e99\""), "{e}");
        assert!(e.contains("/entities/1/id: duplicate"), "{e}");
        let e = errors(check_all(&v));
        assert!(e.contains("e99"));
    }

    #[test]
    fn validator_refuses_unknown_keywords() {
        let schema = json!({"type": "string", "format": "date"});
        let e = errors(validate_with(&schema, &json!("x")));
        assert!(e.contains("unsupported keyword \"format\""), "{e}");
        let schema = json!({"$ref": "#/$defs/nope"});
        assert!(errors(validate_with(&schema, &json!(1))).contains("unresolvable"));
        let schema = json!({"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 3}]});
        assert!(validate_with(&schema, &json!("a")).is_ok());
        assert!(validate_with(&schema, &json!(4)).is_ok());
        assert!(validate_with(&schema, &json!(2)).is_err());
        let schema = json!({"oneOf": [{"type": "integer"}, {"type": "number"}]});
        assert!(validate_with(&schema, &json!(2.5)).is_ok());
        assert!(validate_with(&schema, &json!(2)).is_err());
        let schema = json!({"type": "object", "additionalProperties": {"type": "integer"}, "properties": {"a": {"type": "string"}}});
        assert!(validate_with(&schema, &json!({"a": "x", "b": 1})).is_ok());
        assert!(validate_with(&schema, &json!({"a": "x", "b": "y"})).is_err());
    }

    #[test]
    fn patterns() {
        let m = |p: &str, s: &str| Pattern::parse(p).unwrap().is_match(s);
        assert!(m("^e[0-9]+$", "e12"));
        assert!(!m("^e[0-9]+$", "e"));
        assert!(!m("^e[0-9]+$", "e1x"));
        assert!(!m("^e[0-9]+$", "xe1"));
        assert!(m("^[a-z][a-z0-9_]*$", "loaded_language"));
        assert!(!m("^[a-z][a-z0-9_]*$", "Loaded"));
        assert!(!m("^[a-z][a-z0-9_]*$", ""));
        assert!(m("b+c", "aabbbcd"));
        assert!(m("^a.c$", "abc"));
        assert!(m("^\\d{2,3}-x?$", "123-"));
        assert!(!m("^\\d{2,3}$", "1234"));
        assert!(m("^[^ ]+$", "no-spaces"));
        assert!(!m("^[^ ]+$", "has space"));
        assert!(m("^\\$\\.$", "$."));
        assert!(m("^a*a$", "aaaa"));
        assert!(m("^é+$", "éé"));
        assert!(Pattern::parse("(a|b)").is_err());
        assert!(Pattern::parse("[ab").is_err());
        assert!(Pattern::parse("\\q").is_err());
    }

    #[test]
    fn schema_file_is_sane() {
        let s: Value = serde_json::from_str(SCHEMA_JSON).unwrap();
        assert_eq!(
            s["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema")
        );
        // Every top-level field of Doc::to_json is required, and nothing else is.
        let v = fixture_json();
        let mut have: Vec<&String> = v.as_object().unwrap().keys().collect();
        let mut req: Vec<&str> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        have.sort();
        req.sort();
        assert_eq!(have.iter().map(|k| k.as_str()).collect::<Vec<_>>(), req);
        // The `enum` lists are checked against the kind registry in tests/kinds.rs.
    }

    #[test]
    fn docs_example_is_valid() {
        // The complete example in docs/schema.md must pass every check.
        let md = include_str!("../../../docs/schema.md");
        let start = md
            .find("```json\n")
            .expect("docs/schema.md has a ```json example")
            + 8;
        let end = start + md[start..].find("\n```").unwrap();
        let v: Value = serde_json::from_str(&md[start..end]).expect("example parses");
        check_all(&v).unwrap();
    }
}
