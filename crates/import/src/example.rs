//! The built-in example: the Denmark–Korea Joint Action Plan 2021-2024
//! (source: `examples/SOURCES.md`).

/// File name of the example.
pub const NAME: &str = "dk-kr-joint-action-plan-2021-2024.txt";

/// The example plan's text, as signed.
pub const TEXT: &str = include_str!("../../../examples/dk-kr-joint-action-plan-2021-2024.txt");

/// Imports the example.
pub fn import() -> Result<crate::Imported, crate::ImportError> {
    crate::import_bytes(NAME, TEXT.as_bytes(), Some(crate::Format::Text))
}
