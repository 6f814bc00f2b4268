//! The rhetoric model (`unspin-rhetoric`) on the PTC corpus (SemEval-2020 Task 11):
//! data, split and metrics ([`ptc`]) and training ([`train`], [`fit`],
//! [`cross_validate`]).
//!
//! `unspin train rhetoric` calls [`train`]; `unspin eval rhetoric` is
//! `unspin_eval::rhetoric`, which scores with [`ptc`].

pub mod ptc;
mod train;

pub use ptc::{
    load, score_detect, score_detect_at, score_lexicon, score_model, split, Article, PtcScores,
};
pub use train::{cross_validate, fit, train};

/// Test fixtures: PTC folder layouts in temporary directories.
#[cfg(test)]
pub(crate) mod testdata {
    /// A PTC folder layout in a temporary directory: articles `ids`, each with `text`,
    /// and empty label folders.
    /// The folder is removed when the returned guard drops, even if the test fails.
    pub(crate) fn ptc_dir(tag: &str, ids: &[&str], text: &str) -> Tmp {
        let guard = tempfile::Builder::new()
            .prefix(&format!("unspin-ptc-{tag}-"))
            .tempdir()
            .unwrap();
        let dir = guard.path();
        for sub in ["articles", "labels-tc", "labels-si"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        let list: String = ids.iter().map(|id| format!("article{id}\n")).collect();
        std::fs::write(dir.join("ids.txt"), list).unwrap();
        for id in ids {
            std::fs::write(dir.join(format!("articles/article{id}.txt")), text).unwrap();
        }
        Tmp(guard)
    }

    pub(crate) struct Tmp(tempfile::TempDir);

    impl std::ops::Deref for Tmp {
        type Target = std::path::Path;
        fn deref(&self) -> &std::path::Path {
            self.0.path()
        }
    }
}
