//! earshot's own webhook: a JSON envelope around the alert. The signature headers are added at
//! send time over the exact bytes sent.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::alert::Alert;

/// The `type` of the envelope and the `X-Earshot-Event` header.
pub const WEBHOOK_EVENT: &str = "alert.created";

pub(super) fn render(alert: &Alert, delivery_id: &str, created_at: Timestamp) -> Value {
    json!({
        "id": delivery_id,
        "type": WEBHOOK_EVENT,
        "created_at": created_at.to_string(),
        "data": alert,
    })
}
