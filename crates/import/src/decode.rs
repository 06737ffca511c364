//! Bytes to text: UTF-8 first, then UTF-16 by its byte-order mark, then the
//! legacy encoding chardetng detects (Windows-1252, EUC-KR, …).

use crate::ImportError;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Encoding name (`UTF-8`, `UTF-16LE`, `windows-1252`, `EUC-KR`).
    pub encoding: &'static str,
}

/// Share of control characters above which text is taken to be binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Decodes a text document's bytes.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, ImportError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ImportError::Encoding {
                name: name.to_owned(),
            });
        }
        return check_text(name, text.into_owned(), enc.name());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(name, text.to_owned(), "UTF-8");
    }
    // NUL bytes in a file without a BOM: binary, or UTF-16 without a mark.
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            name: name.to_owned(),
        });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(ImportError::Encoding {
            name: name.to_owned(),
        });
    }
    check_text(name, text.into_owned(), enc.name())
}

fn check_text(name: &str, text: String, encoding: &'static str) -> Result<Decoded, ImportError> {
    // C0 controls other than line breaks and tabs, and UTF-8 continuation
    // bytes (a character is a byte that is not one), counted without a
    // branch and in byte-wide counters (hence chunks of at most 255) so
    // that one loop runs on whole vectors of bytes.
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) || b == 0x7f;
    let is_continuation = |b: u8| b & 0xC0 == 0x80;
    let (control, continuation) = text
        .as_bytes()
        .chunks(255)
        .map(|chunk| {
            let (c, k) = chunk.iter().fold((0u8, 0u8), |(c, k), &b| {
                (
                    c.wrapping_add(u8::from(is_control(b))),
                    k.wrapping_add(u8::from(is_continuation(b))),
                )
            });
            (usize::from(c), usize::from(k))
        })
        .fold((0, 0), |(c, k), (dc, dk)| (c + dc, k + dk));
    // Shares are of characters; bytes over-count multi-byte text, which
    // only makes the check more lenient for non-Latin scripts.
    let chars = text.len() - continuation;
    // U+FFFD, which a mis-decoded binary file is full of; in valid UTF-8 its
    // bytes (EF BF BD) stand for nothing else. Only non-ASCII text has any.
    let replacement = if continuation == 0 {
        0
    } else {
        text.matches('\u{FFFD}').count()
    };
    let total = chars.max(1) as f64;
    if control as f64 / total > MAX_CONTROL_SHARE || replacement as f64 / total > MAX_CONTROL_SHARE
    {
        return Err(ImportError::Binary {
            name: name.to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            name: name.to_owned(),
        });
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_bom() {
        assert_eq!(
            decode("a", "Danmark og Korea".as_bytes())
                .map(|d| d.encoding)
                .ok(),
            Some("UTF-8")
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(b"plan");
        assert_eq!(
            decode("a", &bom).map(|d| d.text).ok().as_deref(),
            Some("plan")
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Plan for Danmark".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode("a", &bytes).expect("decodes");
        assert_eq!(d.text, "Plan for Danmark");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_encodings() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Bæredygtig energi og grøn omstilling i Danmark, Ærø");
        let d = decode("a", &bytes).expect("decodes");
        assert!(d.text.contains("Bæredygtig"), "{}", d.text);
        let (bytes, _, _) =
            encoding_rs::EUC_KR.encode("대한민국과 덴마크의 녹색성장동맹 공동행동계획 협력 분야");
        let d = decode("a", &bytes).expect("decodes");
        assert!(d.text.contains("덴마크"), "{}", d.text);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            decode("a", &[0, 1, 2, 3, 0, 5]),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode("a", b"  \n\t "),
            Err(ImportError::Empty { .. })
        ));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(decode("a", &noise).is_err());
    }
}
