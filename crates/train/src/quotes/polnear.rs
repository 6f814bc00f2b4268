//! The PolNeAR attribution corpus (Newell et al., LREC 2018): articles and their
//! attribution relations (Content, Cue, Source spans), read from
//! `DIR/polnear-train.tar.gz` in memory (`flate2` and a tiny tar reader; nothing is
//! unpacked to disk), an unpacked `DIR/polnear-train/`, or a `DIR` holding `text/` and
//! `attributions/`. One annotation file per article: the first annotator's in name
//! order (a non-empty one preferred).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use unspin_doc::offsets::ByteIndex;
use unspin_doc::Span;

/// One article: its name, text and the raw brat annotation (empty when none).
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    pub text: String,
    pub ann: String,
}

/// One attribution relation, in byte spans of the article text (segments in the
/// order the file lists them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Relation {
    pub content: Vec<Span>,
    pub cue: Vec<Span>,
    pub source: Vec<Span>,
}

/// Every article under `dir`, sorted by name.
pub fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let files = read_files(dir)?;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut anns: BTreeMap<String, (String, String)> = BTreeMap::new(); // article -> (file, content)
    for (name, data) in files {
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        if name.contains("text/") && base.ends_with(".txt") {
            let art = base.trim_end_matches(".txt").to_string();
            texts.insert(art, String::from_utf8_lossy(&data).into_owned());
        } else if name.contains("attributions/") && base.ends_with(".ann") {
            let stem = base.trim_end_matches(".ann");
            let Some((art, _annotator)) = stem.rsplit_once('_') else {
                continue;
            };
            let content = String::from_utf8_lossy(&data).into_owned();
            let keep = match anns.get(art) {
                None => true,
                Some((f, c)) => {
                    (c.trim().is_empty() && !content.trim().is_empty())
                        || (!content.trim().is_empty() && base < *f)
                }
            };
            if keep {
                anns.insert(art.to_string(), (base.clone(), content));
            }
        }
    }
    if texts.is_empty() {
        return Err(format!("no PolNeAR texts found under {}", dir.display()));
    }
    Ok(texts
        .into_iter()
        .map(|(name, text)| {
            let ann = anns.remove(&name).map(|(_, c)| c).unwrap_or_default();
            Article { name, text, ann }
        })
        .collect())
}

/// The relations of a brat `.ann` file (character offsets) as byte spans of `text`.
pub fn relations(text: &str, ann: &str) -> Vec<Relation> {
    let c2b = ByteIndex::new(text);
    let mut spans: BTreeMap<&str, (&str, Vec<Span>)> = BTreeMap::new();
    let mut rels = vec![];
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() < 2 {
            continue;
        }
        if parts[0].starts_with('T') {
            let Some((ty, rng)) = parts[1].split_once(' ') else {
                continue;
            };
            let mut segs = vec![];
            for r in rng.split(';') {
                let mut it = r.split_whitespace();
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                        if a <= b {
                            segs.push(Span::new(c2b.byte_of(a), c2b.byte_of(b)));
                        }
                    }
                }
            }
            if !segs.is_empty() {
                spans.insert(parts[0], (ty, segs));
            }
        } else if parts[0].starts_with('E') {
            let mut r: [Option<&str>; 3] = [None; 3];
            for kv in parts[1].split_whitespace() {
                if let Some((k, v)) = kv.split_once(':') {
                    match k {
                        "Content" => r[0] = Some(v),
                        "Cue" => r[1] = Some(v),
                        "Source" => r[2] = Some(v),
                        _ => {}
                    }
                }
            }
            rels.push(r);
        }
    }
    let get = |id: Option<&str>, ty: &str| -> Vec<Span> {
        id.and_then(|i| spans.get(i))
            .filter(|(t, _)| *t == ty)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = vec![];
    for [c, q, s] in rels {
        let Some(c) = c else { continue };
        if !seen.insert(c) {
            continue;
        }
        let content = get(Some(c), "Content");
        if content.is_empty() {
            continue;
        }
        out.push(Relation {
            content,
            cue: get(q, "Cue"),
            source: get(s, "Source"),
        });
    }
    out
}

/// Reads the data set's files (name, bytes) from the tarball or an unpacked tree.
pub fn read_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let tgz = dir.join("polnear-train.tar.gz");
    if tgz.is_file() {
        let f = std::fs::File::open(&tgz).map_err(|e| format!("{}: {e}", tgz.display()))?;
        let mut gz = flate2::read::GzDecoder::new(f);
        let mut buf = vec![];
        gz.read_to_end(&mut buf)
            .map_err(|e| format!("{}: {e}", tgz.display()))?;
        return untar(&buf).map_err(|e| format!("{}: {e}", tgz.display()));
    }
    let root = if dir.join("polnear-train").is_dir() {
        dir.join("polnear-train")
    } else {
        dir.to_path_buf()
    };
    let mut out = vec![];
    for sub in ["text", "attributions"] {
        let d = root.join(sub);
        let rd = std::fs::read_dir(&d).map_err(|e| {
            format!(
                "{}: {e} (expected polnear-train.tar.gz or {sub}/)",
                d.display()
            )
        })?;
        for e in rd.flatten() {
            let name = format!("{sub}/{}", e.file_name().to_string_lossy());
            let data = std::fs::read(e.path()).map_err(|e2| format!("{name}: {e2}"))?;
            out.push((name, data));
        }
    }
    Ok(out)
}

/// A minimal ustar/GNU tar reader: regular files only.
fn untar(buf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = vec![];
    let mut pos = 0;
    let mut long_name: Option<String> = None;
    while pos + 512 <= buf.len() {
        let h = &buf[pos..pos + 512];
        if h.iter().all(|&b| b == 0) {
            break;
        }
        let field = |a: usize, b: usize| -> String {
            let s = &h[a..b];
            let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
            String::from_utf8_lossy(&s[..end]).into_owned()
        };
        let size_s = field(124, 136);
        let size = usize::from_str_radix(size_s.trim(), 8)
            .map_err(|_| format!("bad tar size {size_s:?}"))?;
        let kind = h[156];
        let mut name = field(0, 100);
        let prefix = field(345, 500);
        if &h[257..262] == b"ustar" && !prefix.is_empty() {
            name = format!("{prefix}/{name}");
        }
        let data_start = pos + 512;
        let data_end = data_start
            .checked_add(size)
            .filter(|&e| e <= buf.len())
            .ok_or("truncated tar")?;
        let data = &buf[data_start..data_end];
        match kind {
            b'L' => {
                let end = data.iter().position(|&c| c == 0).unwrap_or(data.len());
                long_name = Some(String::from_utf8_lossy(&data[..end]).into_owned());
            }
            b'0' | 0 => {
                let n = long_name.take().unwrap_or(name);
                out.push((n, data.to_vec()));
            }
            _ => {
                long_name = None;
            }
        }
        pos = data_start + size.div_ceil(512) * 512;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tar_roundtrip() {
        // One hand-made ustar entry.
        let mut h = vec![0u8; 512];
        h[..10].copy_from_slice(b"text/a.txt");
        h[124..135].copy_from_slice(b"00000000003");
        h[156] = b'0';
        let mut buf = h;
        let mut data = b"abc".to_vec();
        data.resize(512, 0);
        buf.extend(data);
        buf.extend(vec![0u8; 1024]);
        let files = untar(&buf).unwrap();
        assert_eq!(files, vec![("text/a.txt".to_string(), b"abc".to_vec())]);
    }

    #[test]
    fn relations_from_brat() {
        let text = "Héllo, Ann said, it rains.";
        let ann =
            "T1\tSource 7 10\tAnn\nT2\tCue 11 15\tsaid\nT3\tContent 0 5;17 26\tHéllo it rains\n\
                   E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n";
        let r = relations(text, ann);
        assert_eq!(r.len(), 1);
        let slice = |s: &Span| &text[s.start..s.end];
        assert_eq!(slice(&r[0].source[0]), "Ann");
        assert_eq!(slice(&r[0].cue[0]), "said");
        assert_eq!(
            r[0].content.iter().map(slice).collect::<Vec<_>>(),
            ["Héllo", "it rains."]
        );
    }
}
