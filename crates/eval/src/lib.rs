//! Eval: score unspin's layers against public annotated data sets.

pub mod extraction;
pub mod quotes;
pub mod rhetoric;
