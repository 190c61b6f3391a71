//! The signature algorithms, exactly as each receiver checks them. Feishu and DingTalk both
//! HMAC `"{timestamp}\n{secret}"` but with the key and message roles swapped, so each has its own
//! function and its own test vector computed by an independent implementation.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail; an empty tag would only fail
    // verification, never panic.
    let Ok(mut mac) = HmacSha256::new_from_slice(key) else {
        return Vec::new();
    };
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().to_vec()
}

/// Feishu/Lark custom bot: `base64(HMAC-SHA256(key = "{ts}\n{secret}", msg = ""))`, with `ts` in
/// Unix seconds. Sent as `"timestamp"` and `"sign"` in the JSON body.
pub fn feishu_sign(secret: &str, timestamp_secs: i64) -> String {
    let key = format!("{timestamp_secs}\n{secret}");
    STANDARD.encode(hmac(key.as_bytes(), &[]))
}

/// DingTalk custom robot: `base64(HMAC-SHA256(key = secret, msg = "{ts}\n{secret}"))`, with `ts`
/// in Unix milliseconds. Sent URL-encoded as the `sign` query parameter next to `timestamp`.
pub fn dingtalk_sign(secret: &str, timestamp_ms: i64) -> String {
    let msg = format!("{timestamp_ms}\n{secret}");
    STANDARD.encode(hmac(secret.as_bytes(), &[msg.as_bytes()]))
}

/// earshot's webhook: `sha256=` + hex of `HMAC-SHA256(secret, "{ts}.{raw body}")`, the value of
/// the `X-Earshot-Signature` header; `ts` is the `X-Earshot-Timestamp` header (Unix seconds).
pub fn webhook_signature(secret: &str, timestamp_secs: i64, body: &[u8]) -> String {
    let ts = timestamp_secs.to_string();
    let tag = hmac(secret.as_bytes(), &[ts.as_bytes(), b".", body]);
    format!("sha256={}", hex::encode(tag))
}

/// Why a received webhook was refused by [`verify_webhook`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the X-Earshot-Timestamp header is not a Unix time in seconds")]
    BadTimestamp,
    #[error("the timestamp is {0} s away from now, more than the tolerance")]
    Stale(i64),
    #[error("the X-Earshot-Signature header does not start with sha256=")]
    BadFormat,
    #[error("the signature does not match the body")]
    Mismatch,
}

/// Checks a delivery of earshot's webhook the way a receiver should: timestamp within
/// `tolerance_secs` of `now_secs` (300 is a good value), then the HMAC of the exact raw body,
/// compared in constant time. Any of `secrets` may match, so that a secret can be rotated.
pub fn verify_webhook(
    secrets: &[&str],
    timestamp_header: &str,
    signature_header: &str,
    body: &[u8],
    now_secs: i64,
    tolerance_secs: i64,
) -> Result<(), VerifyError> {
    let ts: i64 = timestamp_header
        .trim()
        .parse()
        .map_err(|_| VerifyError::BadTimestamp)?;
    let skew = now_secs.saturating_sub(ts).saturating_abs();
    if skew > tolerance_secs {
        return Err(VerifyError::Stale(skew));
    }
    let hex_sig = signature_header
        .trim()
        .strip_prefix("sha256=")
        .ok_or(VerifyError::BadFormat)?;
    let given = hex::decode(hex_sig).map_err(|_| VerifyError::BadFormat)?;
    let tsb = ts.to_string();
    for secret in secrets {
        let Ok(mut mac) = HmacSha256::new_from_slice(secret.as_bytes()) else {
            continue;
        };
        mac.update(tsb.as_bytes());
        mac.update(b".");
        mac.update(body);
        // `verify_slice` compares in constant time.
        if mac.verify_slice(&given).is_ok() {
            return Ok(());
        }
    }
    Err(VerifyError::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The expected values below were computed with Python's `hmac` and `base64` modules, an
    // implementation independent of this crate, from the formulas in specs/05-alerts.md:
    //   base64(hmac.new(f"{ts}\n{secret}".encode(), b"", sha256).digest())
    //   base64(hmac.new(secret.encode(), f"{ts_ms}\n{secret}".encode(), sha256).digest())
    //   hmac.new(secret, f"{ts}.".encode() + body, sha256).hexdigest()

    #[test]
    fn feishu_vector() {
        assert_eq!(
            feishu_sign("SECexample", 1_715_242_320),
            "D1ZnH4+o5NDVm555Ho4erwdno4GB/scYCnR+bUOxDJ4="
        );
    }

    #[test]
    fn dingtalk_vector() {
        assert_eq!(
            dingtalk_sign("SECexample", 1_715_242_320_000),
            "/fCE7BI45mR5QoC8oDlK8YpDc7+jzyIup29QhKJOYrs="
        );
    }

    #[test]
    fn webhook_vector_and_verification() {
        let body = br#"{"id":"dlv_1"}"#;
        let sig = webhook_signature("whsec_test", 1_715_242_320, body);
        assert_eq!(
            sig,
            "sha256=25e16d372b0dbdb4fb99ad183b12876b18ea72b19e516a4fc29c58a3bea0eabb"
        );
        let ok = verify_webhook(
            &["old", "whsec_test"],
            "1715242320",
            &sig,
            body,
            1_715_242_400,
            300,
        );
        assert_eq!(ok, Ok(()));
        let tampered = verify_webhook(
            &["whsec_test"],
            "1715242320",
            &sig,
            b"{}",
            1_715_242_320,
            300,
        );
        assert_eq!(tampered, Err(VerifyError::Mismatch));
        let stale = verify_webhook(
            &["whsec_test"],
            "1715242320",
            &sig,
            body,
            1_715_243_000,
            300,
        );
        assert_eq!(stale, Err(VerifyError::Stale(680)));
        let bad = verify_webhook(&["whsec_test"], "x", &sig, body, 0, 300);
        assert_eq!(bad, Err(VerifyError::BadTimestamp));
    }
}
