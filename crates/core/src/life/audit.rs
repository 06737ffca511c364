//! The audit log's hash chain: each record's hash covers the previous hash
//! and every other field of the record, so changing, removing or reordering
//! a record breaks every later link.

use serde_json::Value;

use crate::canonical::compact_json;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of a record: SHA-256 of the previous hash followed by the
/// canonical JSON of all the record's other fields, hex.
pub fn record_hash(prev_hash: &str, fields: &Value) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(compact_json(fields).as_bytes());
    hex::encode(h.finalize())
}

/// One stored audit record as the verifier sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainRecord {
    /// The record's id, for the report.
    pub id: i64,
    /// The hash it says precedes it.
    pub prev_hash: String,
    /// The hash it says it has.
    pub hash: String,
    /// Every other field (including `prev_hash`), as a JSON object.
    pub fields: Value,
}

/// The first broken link of a chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("audit record {id}: {reason}")]
pub struct BrokenLink {
    /// The first record that does not verify.
    pub id: i64,
    /// What is wrong with it.
    pub reason: String,
}

/// Checks a chain given oldest first; names the first record that does not verify.
pub fn verify_chain(records: &[ChainRecord]) -> Result<(), BrokenLink> {
    let mut prev = GENESIS.to_string();
    for r in records {
        if r.prev_hash != prev {
            return Err(BrokenLink {
                id: r.id,
                reason: "does not follow the record before it (prev_hash differs)".into(),
            });
        }
        let want = record_hash(&r.prev_hash, &r.fields);
        if want != r.hash {
            return Err(BrokenLink {
                id: r.id,
                reason: "its contents do not match its hash".into(),
            });
        }
        prev = r.hash.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chain(n: i64) -> Vec<ChainRecord> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|id| {
                let fields =
                    json!({"id": id, "prev_hash": prev, "action": "x", "detail": {"b": 1, "a": 2}});
                let hash = record_hash(&prev, &fields);
                let r = ChainRecord {
                    id,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                    fields,
                };
                prev = hash;
                r
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(()));
    }

    #[test]
    fn a_changed_field_names_its_record() {
        let mut c = chain(5);
        c[2].fields["action"] = json!("y");
        assert_eq!(verify_chain(&c).unwrap_err().id, 3);
    }

    #[test]
    fn a_removed_record_breaks_the_next_link() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(verify_chain(&c).unwrap_err().id, 3);
    }
}
