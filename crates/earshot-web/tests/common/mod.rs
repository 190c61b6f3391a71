//! A dashboard over a temporary SQLite database of analysed demo conversations, served on a
//! loopback port; shared by the HTTP and the browser tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use earshot_model::{Agent, Channel, Conversation, Role, Turn};
use earshot_store::{SqliteStore, Store, TokenRole};

/// Every test person's password.
pub const PASSWORD: &str = "correct horse battery";
/// The demo brand most people here may see.
pub const WS: &str = "acme-audio";
/// A second brand: only `ada` may see it.
pub const WS2: &str = "sakura-beauty";
/// A brand nobody here may see.
pub const WS_HIDDEN: &str = "nordwind-home";
/// A conversation whose text holds markup.
pub const SCRIPT_ID: &str = "web-test-script";
pub const SCRIPT_TEXT: &str = "<script>document.title='pwned'</script> You are an idiot and I will sue you & your shop <b>now</b>!";
/// A conversation of the hidden brand.
pub const HIDDEN_ID: &str = "web-test-hidden";

/// Demo conversations analysed into the template database.
const DEMO: usize = 400;

fn handmade() -> Vec<Conversation> {
    let at = |m: u32| -> jiff::Timestamp { format!("2026-09-14T10:{m:02}:00Z").parse().unwrap() };
    let mut script = Conversation::new(
        SCRIPT_ID,
        vec![
            Turn {
                at: Some(at(0)),
                ..Turn::new(Role::Customer, "Hello, my headphones arrived broken.")
            },
            Turn {
                at: Some(at(3)),
                ..Turn::new(
                    Role::Agent,
                    "I am sorry to hear that. Could you send the order number?",
                )
            },
            Turn {
                at: Some(at(5)),
                ..Turn::new(Role::Customer, SCRIPT_TEXT)
            },
        ],
    );
    script.workspace = Some(WS.into());
    script.channel = Channel::Chat;
    script.language = Some("en".into());
    script.started_at = Some(at(0));
    script.agents = vec![Agent {
        id: "agent-web".into(),
        ..Default::default()
    }];
    let mut hidden = Conversation::new(
        HIDDEN_ID,
        vec![Turn::new(
            Role::Customer,
            "You idiots, I will report you to the police!",
        )],
    );
    hidden.workspace = Some(WS_HIDDEN.into());
    hidden.started_at = Some(at(1));
    vec![script, hidden]
}

/// Builds the template database once per test binary.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        // In cargo's scratch directory for tests, one file per test binary, replaced whole by
        // a rename so that a concurrent run never copies half a file.
        let exe = std::env::current_exe().unwrap();
        let stem = exe.file_stem().unwrap().to_string_lossy().to_string();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join(format!("web-template-{stem}.db"));
        let building = dir.join(format!("web-template-{stem}.{}.db", std::process::id()));
        let _ = std::fs::remove_file(&building);
        let mut store = SqliteStore::open(&building).unwrap();
        let engine = earshot_engine::Engine::default();
        let convs: Vec<Conversation> = earshot_demo::generate(DEMO, 42).chain(handmade()).collect();
        let analyses: Vec<_> = convs.iter().map(|c| engine.analyze(c)).collect();
        let encoded: Vec<_> = convs
            .iter()
            .map(|c| earshot_store::encode(c, earshot_engine::VERSION).unwrap())
            .collect();
        let rows: Vec<_> = convs
            .iter()
            .zip(&analyses)
            .zip(&encoded)
            .map(|((c, a), e)| (c, a, e))
            .collect();
        store.save_batch(&rows, &[]).unwrap();
        store.mark_top_percent().unwrap();
        let hash = earshot_web::hash_password(PASSWORD).unwrap();
        for (user, ws, role) in [
            ("ada", WS, TokenRole::Admin),
            ("ada", WS2, TokenRole::Reviewer),
            ("rita", WS, TokenRole::Reviewer),
            ("vic", WS, TokenRole::Viewer),
        ] {
            store.upsert_user(user, &hash, ws, role).unwrap();
        }
        // Fold the WAL into the file so that a copy is complete.
        store
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        drop(store);
        std::fs::rename(&building, &path).unwrap();
        path
    })
}

/// A running dashboard over a fresh copy of the template database.
pub struct Server {
    pub base: String,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The store, to look at what the pages did.
    pub fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.db).unwrap()
    }
}

/// Serves the dashboard on 127.0.0.1 with an ephemeral port, in the current runtime.
pub async fn serve() -> Server {
    let template = tokio::task::spawn_blocking(template).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("earshot.db");
    std::fs::copy(template, &db).unwrap();
    let store: Box<dyn Store> = Box::new(SqliteStore::open(&db).unwrap());
    let insights = earshot_store::open_insights(db.to_str().unwrap()).unwrap();
    let app = earshot_web::router(Arc::new(Mutex::new(store)), Arc::new(Mutex::new(insights)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        db,
        _dir: dir,
    }
}

/// The riskiest conversation of a workspace that has findings with spans.
pub fn riskiest(store: &SqliteStore, ws: &str) -> String {
    let q = store
        .queue(&earshot_store::QueueFilter {
            workspace: Some(ws.into()),
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    q[0].id.clone()
}
