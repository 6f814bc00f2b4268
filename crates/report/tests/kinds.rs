//! The kind registry (`unspin_doc::kinds`) is the one list of kind names: the JSON
//! writer, the schema's `enum` lists, the tables in `docs/schema.md`, the validator
//! and the report's ordering of findings must all agree with it. Each test names
//! what to change when they do not.

use serde_json::{json, Value};
use unspin_doc::*;
use unspin_report::{ordered_findings, validate_json, SCHEMA_JSON};

const DOCS: &str = include_str!("../../../docs/schema.md");

fn schema() -> Value {
    serde_json::from_str(SCHEMA_JSON).expect("schema parses")
}

/// `chrome[].kind` → the schema of that field: `/properties/chrome/items/properties/kind`.
fn schema_pointer(field: &str) -> String {
    let (array, key) = field.split_once("[].").expect("field is array[].key");
    format!("/properties/{array}/items/properties/{key}")
}

/// `chrome[].kind` → the field in a report's first element: `/chrome/0/kind`.
fn report_pointer(field: &str) -> String {
    let (array, key) = field.split_once("[].").expect("field is array[].key");
    format!("/{array}/0/{key}")
}

/// The Markdown anchor of a heading ("Finding kinds" → `finding-kinds`).
fn anchor(title: &str) -> String {
    title.to_lowercase().replace(' ', "-")
}

/// A family's table as `docs/schema.md` must hold it.
fn docs_table(f: &Family) -> String {
    let mut t = String::from("| name | meaning |\n|---|---|\n");
    for (n, d) in f.names.iter().zip(f.descriptions) {
        t.push_str(&format!("| `{n}` | {d} |\n"));
    }
    t
}

/// Every `enum` keyword in a schema, by JSON pointer of the object holding it.
fn enums(v: &Value, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "enum" {
                    let names = x
                        .as_array()
                        .expect("enum is an array")
                        .iter()
                        .map(|n| n.as_str().expect("enum of strings").to_string())
                        .collect();
                    out.push((path.to_string(), names));
                } else {
                    enums(x, &format!("{path}/{k}"), out);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                enums(x, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_enums_are_the_registry() {
    let s = schema();
    let mut found = Vec::new();
    enums(&s, "", &mut found);
    let mut want: Vec<(String, Vec<String>)> = KINDS
        .iter()
        .map(|f| {
            (
                schema_pointer(f.field),
                f.names.iter().map(|n| n.to_string()).collect(),
            )
        })
        .collect();
    // The one enum that is not a kind: what the input was read as.
    want.push((
        "/properties/input/properties/format".into(),
        vec!["text".into(), "html".into()],
    ));
    for (path, names) in &want {
        let got = found.iter().find(|(p, _)| p == path).map(|x| &x.1);
        assert_eq!(
            got,
            Some(names),
            "schema/unspin-1.schema.json {path}/enum must be {}",
            serde_json::to_string(names).unwrap()
        );
    }
    for (path, names) in &found {
        assert!(
            want.iter().any(|(p, _)| p == path),
            "schema enum at {path} ({names:?}) is not a registry family: add it to \
             crates/doc/src/kinds.rs"
        );
    }
}

#[test]
fn docs_tables_are_the_registry() {
    let kinds = DOCS
        .find("\n## Kinds\n")
        .map(|i| &DOCS[i..])
        .expect("docs/schema.md has a `## Kinds` section");
    let kinds = &kinds[..kinds[1..].find("\n## ").map_or(kinds.len(), |i| i + 1)];
    let mut want = String::new();
    for f in KINDS {
        want.push_str(&format!(
            "### {}\n\nIn `{}`.\n\n{}\n",
            f.title,
            f.field,
            docs_table(f)
        ));
    }
    for f in KINDS {
        let head = format!("\n### {}\n", f.title);
        let at = kinds.find(&head).unwrap_or_else(|| {
            panic!(
                "docs/schema.md `## Kinds` lacks `### {}`; as the registry has it:\n\n{want}",
                f.title
            )
        });
        let rest = &kinds[at + head.len()..];
        let rest = &rest[..rest.find("\n### ").unwrap_or(rest.len())];
        assert!(
            rest.contains(&format!("`{}`", f.field)),
            "docs/schema.md `### {}` must name its field `{}`",
            f.title,
            f.field
        );
        let table: String = rest
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(
            table,
            docs_table(f),
            "docs/schema.md table `### {}` differs from the registry; as the registry has it:\n\n{want}",
            f.title
        );
        // The field's row in the field tables links to the family's table.
        assert!(
            DOCS.contains(&format!("(#{})", anchor(f.title))),
            "docs/schema.md: the `{}` row should link to [{}](#{})",
            f.field,
            f.title.to_lowercase(),
            anchor(f.title)
        );
    }
    assert_eq!(
        kinds.matches("\n### ").count(),
        KINDS.len(),
        "docs/schema.md `## Kinds` has a table that is not a registry family"
    );
}

/// A report with one element in every array that holds a kind.
fn doc() -> Doc {
    let text = "Ann said “hi” today.";
    let at = |s: &str| {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    };
    let mut d = Doc::new(text);
    d.input.format = "text".into();
    d.chrome.push(Chrome {
        text: "Advertisement".into(),
        kind: ChromeKind::Ad,
    });
    d.paragraphs.push(Paragraph {
        span: Span::new(0, text.len()),
        kind: ParagraphKind::Body,
    });
    d.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        paragraph: 0,
        attribution: Attribution::Quoted,
        opinion: false,
        speculation: false,
    });
    d.entities.push(Entity {
        id: "e0".into(),
        name: "Ann".into(),
        kind: EntityKind::Person,
        mentions: vec![Mention {
            span: at("Ann"),
            reference: false,
        }],
    });
    d.quotes.push(Quote {
        span: at("hi"),
        kind: QuoteKind::Direct,
        speaker: None,
        cue: None,
    });
    d.sources.push(Source {
        entity: Some(0),
        name: "Ann".into(),
        kind: SourceKind::Person,
        mentions: vec![at("Ann said")],
    });
    d.findings.push(Finding {
        kind: FindingKind::UnattributedQuote,
        message: "A quotation has no speaker.".into(),
        spans: vec![at("hi")],
    });
    d.techniques.push(Technique {
        span: at("today"),
        technique: TechniqueName::Speculation,
        score: 0.5,
        triggers: vec![],
    });
    d
}

/// Sets the kind of `family` in the first element of its array.
fn set(d: &mut Doc, family: &str, name: &str) {
    match family {
        "chrome" => d.chrome[0].kind = name.parse().unwrap(),
        "paragraph" => d.paragraphs[0].kind = name.parse().unwrap(),
        "attribution" => d.sentences[0].attribution = name.parse().unwrap(),
        "entity" => d.entities[0].kind = name.parse().unwrap(),
        "quote" => d.quotes[0].kind = name.parse().unwrap(),
        "source" => d.sources[0].kind = name.parse().unwrap(),
        "finding" => d.findings[0].kind = name.parse().unwrap(),
        "technique" => d.techniques[0].technique = name.parse().unwrap(),
        _ => panic!("new kind family {family:?}: add it to this test's `doc` and `set`"),
    }
}

#[test]
fn writer_and_validator_take_exactly_the_registry_names() {
    let base = doc();
    validate_json(&base.to_json()).unwrap();
    for f in KINDS {
        let ptr = report_pointer(f.field);
        // Every registry name is written as itself and passes the validator.
        for name in f.names {
            let mut d = base.clone();
            set(&mut d, f.name, name);
            let v = d.to_json();
            assert_eq!(v.pointer(&ptr), Some(&json!(name)), "{ptr}");
            if let Err(e) = validate_json(&v) {
                panic!("{ptr} = {name:?} refused: {e:?}");
            }
        }
        // Nothing else passes: near misses, other families' names, the drifted
        // names reports once ranked or documented.
        let mut others: Vec<String> = vec![
            String::new(),
            "other_kind".into(),
            f.names[0].to_uppercase(),
            format!("{}_", f.names[0]),
            f.names[0].replace('_', "-"),
            "no_sources".into(),
            "fabricated_quote".into(),
            "misattributed_quote".into(),
            "black_and_white".into(),
        ];
        for g in KINDS {
            others.extend(g.names.iter().map(|n| n.to_string()));
        }
        let base_json = base.to_json();
        for name in others.iter().filter(|n| !f.names.contains(&n.as_str())) {
            let mut v = base_json.clone();
            *v.pointer_mut(&ptr).unwrap() = json!(name);
            let e = validate_json(&v).err().unwrap_or_default().join("\n");
            assert!(
                e.contains(&ptr),
                "{ptr} = {name:?} was accepted (errors: {e:?})"
            );
        }
    }
}

#[test]
fn reports_rank_findings_by_the_registry() {
    let mut d = doc();
    d.findings = FindingKind::ALL
        .iter()
        .rev()
        .map(|k| Finding {
            kind: *k,
            message: k.description().into(),
            spans: vec![],
        })
        .collect();
    let got: Vec<FindingKind> = ordered_findings(&d).iter().map(|f| f.kind).collect();
    assert_eq!(got, FindingKind::ALL);
    // The kinds the report once ranked without any stage emitting them are gone.
    for gone in ["no_sources", "fabricated_quote", "misattributed_quote"] {
        assert!(FindingKind::parse(gone).is_none(), "{gone}");
    }
    assert_eq!(
        FindingKind::parse("no_named_sources"),
        Some(FindingKind::NoNamedSources)
    );
}
