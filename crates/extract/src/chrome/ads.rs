//! Ad slots: lines that mark or introduce advertising ("Advertisement",
//! "Story continues below"). The phrases are `unspin_lex::page_chrome`.

pub(super) use unspin_lex::page_chrome::{AD_LINES as AD_EXACT, AD_LINE_STARTS as AD_PREFIX};
