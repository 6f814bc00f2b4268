//! Debugging aid: prints entity names by kind over a folder of plain-text articles
//! (`ENTITIES_DIR`), to eyeball false positives. Prints only.

#[test]
#[ignore]
fn dump_dir() {
    let Some(dir) = std::env::var_os("ENTITIES_DIR") else {
        return;
    };
    let mut names = std::collections::BTreeMap::<(String, String), usize>::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files.iter().take(300) {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let mut d = unspin_doc::Doc::new(text);
        unspin_segment::segment(&mut d);
        unspin_entities::detect(&mut d);
        for e in &d.entities {
            *names
                .entry((e.kind.as_str().to_string(), e.name.clone()))
                .or_default() += 1;
        }
    }
    for ((k, n), c) in names {
        println!("{k}\t{c}\t{n}");
    }
}
