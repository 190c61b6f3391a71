//! Log lines carry no secrets. This test has a binary of its own: `tracing` caches per call
//! site whether anyone listens, and tests without a subscriber running alongside would make
//! that cache hide lines from this one.

mod common;

use common::{Receiver, Reply, alert, config};
use earshot_notify::{Client, plan};
use jiff::Timestamp;

const SECRET: &str = "whsec_loopback_test";

/// Every log line a delivery writes, success, retry and failure, is free of the secret and of
/// the credential in the URL.
#[tokio::test]
async fn logs_carry_no_secrets() {
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let rx = Receiver::start(
        vec![Reply::new(500, ""), Reply::new(403, "")],
        Reply::new(200, ""),
    )
    .await;
    let cfg = config(&format!(
        "[[alerts.channels]]\nname='hook'\nkind='webhook'\nurl='{}'\nsecret='{SECRET}'\n\
         [[alerts.policies]]\nchannel='hook'\n",
        rx.url("/hook?token=URLSECRET")
    ));
    let client = Client::new(cfg.clone()).unwrap();
    let d = plan(&cfg, &alert(), &(), Timestamp::now()).remove(0);
    for _ in 0..3 {
        client.send(&d).await;
    }
    tracing::debug!(config = ?cfg, "config");
    let logs = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("will be retried") && logs.contains("failed"),
        "{logs}"
    );
    assert!(logs.contains("delivered"), "{logs}");
    assert!(
        !logs.contains(SECRET) && !logs.contains("URLSECRET"),
        "{logs}"
    );
}
