//! Eval: score unspin's layers against public annotated data sets.

pub mod quotes;
