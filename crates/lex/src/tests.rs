use std::path::Path;

/// Every data file carries its source and licence, and every one is used.
#[test]
fn data_files_name_source_and_licence() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut code = String::new();
    for e in std::fs::read_dir(&src_dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "rs") {
            code.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name == "README.md" {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        let head: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(
            head.iter().any(|l| l.starts_with("# source:")),
            "{name}: no '# source:' header line"
        );
        assert!(
            head.iter().any(|l| l.starts_with("# licence:")),
            "{name}: no '# licence:' header line"
        );
        assert!(
            code.contains(&format!("\"{name}\"")),
            "{name}: not declared in crates/lex/src"
        );
    }
    assert!(n > 0);
}

#[test]
fn normalise_lowercases_and_straightens() {
    assert_eq!(crate::normalise("Don\u{2019}t"), "don't");
    assert!(matches!(
        crate::normalise("said"),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// No list is kept twice: two data files never hold the same set of entries.
#[test]
fn no_two_lists_are_the_same() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut seen: std::collections::HashMap<Vec<String>, String> = Default::default();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&p).unwrap();
        let mut entries: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        entries.sort();
        entries.dedup();
        if entries.is_empty() {
            continue;
        }
        if let Some(other) = seen.insert(entries, name.clone()) {
            panic!("{name} and {other} hold the same entries: keep one");
        }
    }
}
