//! Fuzz target: `unspin_html::extract` on arbitrary (UTF-8) input must never
//! panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let ex = unspin_html::extract(&s);
    // Invariants: text is made of the blocks; no NULs leak through.
    assert!(!ex.text.contains('\0'));
    let _ = ex.to_json();
});
