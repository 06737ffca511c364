//! Secrets: passwords hashed with argon2id off the async runtime, and
//! random 256-bit tokens stored only as their SHA-256.

use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 8;

/// Refuses a password too short to resist guessing.
pub(crate) fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(StoreError::Invalid(format!(
            "a password needs at least {MIN_PASSWORD} characters"
        )));
    }
    Ok(())
}

/// The argon2id hash of `password` (PHC string, with its salt).
pub(crate) async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)
            .map_err(|e| StoreError::Invalid(format!("no randomness for a salt: {e}")))?;
        let salt = SaltString::encode_b64(&bytes)
            .map_err(|e| StoreError::Invalid(format!("cannot make a salt: {e}")))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Invalid(format!("cannot hash the password: {e}")))
    })
    .await
    .map_err(|e| StoreError::Invalid(format!("hashing the password failed: {e}")))?
}

/// Whether `password` matches the stored `hash`.
pub(crate) async fn password_matches(password: &str, hash: &str) -> Result<bool> {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&hash)
            .map_err(|e| StoreError::Corrupt(format!("a password hash: {e}")))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(|e| StoreError::Invalid(format!("checking the password failed: {e}")))?
}

/// A new secret: 256 random bits as 64 hex digits.
pub(crate) fn new_secret() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Invalid(format!("no randomness for a secret: {e}")))?;
    Ok(hex::encode(bytes))
}

/// How a secret is stored: its SHA-256, hex.
pub(crate) fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.trim().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_matches_its_hash_only() {
        let hash = hash_password("correct horse").await.expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(
            password_matches("correct horse", &hash)
                .await
                .expect("verify")
        );
        assert!(
            !password_matches("correct horsE", &hash)
                .await
                .expect("verify")
        );
    }

    #[test]
    fn secrets_are_random_and_stored_hashed() {
        let (a, b) = (new_secret().expect("a"), new_secret().expect("b"));
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(secret_hash(&a), a);
        assert_eq!(secret_hash(&a), secret_hash(&format!("{a}\n")));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_password("short").is_err());
        assert!(check_password("long enough").is_ok());
    }
}
