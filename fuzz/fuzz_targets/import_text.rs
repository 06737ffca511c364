//! Any bytes read as Text: import returns a plan or an error, never panics.
#![no_main]

use jointplan_import::{Format, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes("plan.txt", data, Some(Format::Text));
});
