//! Bad input gets a clear error naming the file and the reason, never a panic.

use jointplan_import::{ImportError, import_bytes, import_file};

#[test]
fn empty_and_blank() {
    assert!(matches!(
        import_bytes("a.txt", b"", None),
        Err(ImportError::Empty { .. })
    ));
    assert!(matches!(
        import_bytes("a.txt", b" \n\t\n", None),
        Err(ImportError::Empty { .. })
    ));
}

#[test]
fn binary_data() {
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 7) as u8)
        .collect();
    let err = import_bytes("random.bin", &noise, None).expect_err("binary");
    assert!(err.to_string().starts_with("random.bin:"), "{err}");
}

#[test]
fn truncated_docx() {
    let err = import_bytes("broken.docx", b"PK\x03\x04garbage", None).expect_err("broken");
    assert!(matches!(err, ImportError::Docx { .. }), "{err}");
}

#[test]
fn missing_file_and_directory() {
    let err = import_file(std::path::Path::new("/no/such/plan.txt"), None).expect_err("missing");
    assert!(err.to_string().contains("/no/such/plan.txt"), "{err}");
    let err = import_file(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), None).expect_err("dir");
    assert!(err.to_string().contains("directory"), "{err}");
}

#[test]
fn legacy_encoding_is_decoded() {
    let text = jointplan_import::example::TEXT
        .replace("Denmark", "Danmark og Ærø")
        .replace('–', "-");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let imported = import_bytes("plan.txt", &bytes, None).expect("decodes");
    assert_eq!(
        imported.plan.source.as_ref().map(|s| s.encoding.as_str()),
        Some("windows-1252")
    );
    assert_eq!(imported.plan.actions().count(), 69);
}

#[test]
fn too_large() {
    let big = vec![b'a'; (jointplan_import::MAX_TEXT_BYTES + 1) as usize];
    assert!(matches!(
        import_bytes("huge.txt", &big, None),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn errors_are_one_line() {
    for err in [
        import_bytes("a.txt", b"", None).err(),
        import_bytes("b.docx", b"PK\x03\x04", None).err(),
        import_bytes("c.txt", b"prose only", None).err(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(!err.one_line().contains('\n'));
    }
}

#[test]
fn inputs_the_fuzzer_found_do_not_panic() {
    // Each file once made an importer panic; they stay here as regressions.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        for format in [
            jointplan_import::Format::Text,
            jointplan_import::Format::Markdown,
            jointplan_import::Format::Html,
            jointplan_import::Format::Docx,
        ] {
            let _ = import_bytes("fuzz", &bytes, Some(format));
        }
        n += 1;
    }
    assert!(n > 0);
}
