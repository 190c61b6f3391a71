//! The dashboard in a real headless Chromium (Debian's `chromium` and `chromedriver`, driven
//! over WebDriver): log in, open the queue, open the riskiest conversation with the keyboard,
//! find the evidence in a `<mark>`, reject a finding, see calibration change, switch workspace
//! and language; a PNG of every page in both languages lands in `<target>/screenshots/`.
//!
//! Without the browser this test is skipped, unless `CI` is set: then it fails.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{PASSWORD, WS, WS2, serve};
use earshot_store::Store;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The chromedriver this test started; stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, port }
}

/// `$CARGO_TARGET_DIR/screenshots`, else the workspace's `target/screenshots`.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn connect(driver: &Driver, profile: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {"intl.accept_languages": "en-US,en"},
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

struct Browser {
    c: Client,
    base: String,
    shots: PathBuf,
}

impl Browser {
    async fn goto(&self, path: &str) {
        self.c.goto(&format!("{}{path}", self.base)).await.unwrap();
    }

    async fn path(&self) -> String {
        let u = self.c.current_url().await.unwrap();
        match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        }
    }

    async fn text(&self, css: &str) -> String {
        // The element can go stale between finding and reading it when the page is still
        // being replaced after a form post: find it again then.
        let mut attempt = 0;
        loop {
            let element = self
                .c
                .wait()
                .at_most(Duration::from_secs(10))
                .for_element(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("{css}: {e}"));
            match element.text().await {
                Ok(text) => return text,
                Err(e) if attempt < 5 => {
                    attempt += 1;
                    eprintln!("{css}: reading the text failed ({e}), finding it again");
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("{css}: {e}"),
            }
        }
    }

    async fn js(&self, script: &str) -> Value {
        self.c.execute(script, vec![]).await.unwrap()
    }

    /// Waits until the address bar's path starts with `prefix`.
    async fn wait_path(&self, prefix: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let p = self.path().await;
            let ready = self.js("return document.readyState").await;
            if p.starts_with(prefix) && ready == json!("complete") {
                return;
            }
            assert!(Instant::now() < deadline, "still at {p}, expected {prefix}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `script` returns true.
    async fn wait_until(&self, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.js(script).await != json!(true) {
            assert!(Instant::now() < deadline, "never true: {script}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn shot(&self, name: &str) {
        let png = self.c.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
    }

    async fn press(&self, key: &str) {
        self.c
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .send_keys(key)
            .await
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_in_a_real_browser() {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if !missing.is_empty() {
        let msg = format!(
            "{} missing; install them with `apt-get install -y chromium chromium-driver`",
            missing.join(" and ")
        );
        if std::env::var_os("CI").is_some() {
            panic!("browser tests cannot run in CI: {msg}");
        }
        eprintln!("skipping browser tests: {msg}");
        return;
    }
    let server = serve().await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = connect(&driver, profile.path()).await;
    let b = Browser {
        c: client,
        base: server.base.clone(),
        shots: screenshot_dir(),
    };
    let outcome = tokio::time::timeout(Duration::from_secs(240), scenario(&b, &server)).await;
    let _ = b.c.clone().close().await;
    drop(driver);
    outcome.expect("the browser scenario finished in time");
}

async fn scenario(b: &Browser, server: &common::Server) {
    // Without a session the queue sends us to the login page.
    b.goto("/queue").await;
    b.wait_path("/login").await;
    assert_eq!(b.text("h1").await, "Log in");
    b.shot("login-en").await;
    b.c.find(Locator::Css("input[name=username]"))
        .await
        .unwrap()
        .send_keys("ada")
        .await
        .unwrap();
    b.c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    b.c.find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_path("/queue").await;
    assert_eq!(b.text("h1").await, "Risk queue");
    b.shot("queue-en").await;

    // The riskiest conversation leads the queue.
    let riskiest = common::riskiest(&server.store(), WS);
    let first = b
        .js("return document.querySelector('#queue tbody tr').getAttribute('data-href')")
        .await;
    assert_eq!(first, json!(format!("/conversations/{riskiest}")));

    // j / k move the selection; Enter opens it.
    let selected = "return Array.from(document.querySelectorAll('#queue tbody tr')).findIndex(r => r.classList.contains('sel'))";
    assert_eq!(b.js(selected).await, json!(0));
    b.press("j").await;
    b.press("j").await;
    assert_eq!(b.js(selected).await, json!(2));
    b.press("k").await;
    b.press("k").await;
    assert_eq!(b.js(selected).await, json!(0));
    b.press(&char::from(Key::Enter).to_string()).await;
    b.wait_path(&format!("/conversations/{riskiest}")).await;
    b.shot("conversation-en").await;

    // A finding's evidence stands in marks at its span.
    let (conv, _) = server.store().conversation(WS, &riskiest).unwrap().unwrap();
    let findings = server.store().stored_findings(WS, &riskiest).unwrap();
    let f = findings
        .iter()
        .find(|f| {
            f.finding.severity > earshot_model::Severity::Info
                && f.finding.span.is_some_and(|s| s.start < s.end)
        })
        .expect("the riskiest conversation has evidence");
    let turn = f.finding.turn.unwrap() as usize;
    let expected = f
        .finding
        .span
        .unwrap()
        .slice(&conv.turns[turn].text)
        .unwrap();
    assert_eq!(expected, f.finding.evidence);
    let marked = b
        .js(&format!(
            "return Array.from(document.querySelectorAll('#t-{turn} mark')).filter(m => m.dataset.findings.split(' ').includes('{}')).map(m => m.textContent).join('')",
            f.id
        ))
        .await;
    assert_eq!(marked, json!(expected), "the marks of finding {}", f.id);
    let title = b
        .js(&format!(
            "return document.querySelector('mark[data-findings~=\"{}\"]').title",
            f.id
        ))
        .await;
    assert!(
        title.as_str().unwrap().contains(f.finding.code.as_str()),
        "the tooltip names the code: {title}"
    );
    let code = f.finding.code.as_str().to_string();

    // Calibration before the review.
    let cell = |col: &str| format!("#calibration-codes tr[data-key=\"{code}\"] td.{col}");
    b.goto("/calibration").await;
    b.wait_path("/calibration").await;
    let rejected_before: u64 = b.text(&cell("rejected")).await.parse().unwrap();
    let reviewed_before: u64 = b.text(&cell("reviewed")).await.parse().unwrap();

    // Reject the finding, with a comment.
    b.goto(&format!("/conversations/{riskiest}")).await;
    b.wait_path(&format!("/conversations/{riskiest}")).await;
    let item = format!("#f-{}", f.id);
    b.c.find(Locator::Css(&format!("{item} input[name=comment]")))
        .await
        .unwrap()
        .send_keys("quoting the customer, not an insult")
        .await
        .unwrap();
    b.c.find(Locator::Css(&format!("{item} button.reject")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.text(&format!("{item} .verdict")).await != "rejected" {
        assert!(Instant::now() < deadline, "the verdict did not show");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(b.text(&item).await.contains("quoting the customer"));
    b.shot("conversation-reviewed-en").await;

    // Calibration moved.
    b.goto("/calibration").await;
    b.wait_path("/calibration").await;
    let rejected_after: u64 = b.text(&cell("rejected")).await.parse().unwrap();
    let reviewed_after: u64 = b.text(&cell("reviewed")).await.parse().unwrap();
    assert_eq!(rejected_after, rejected_before + 1);
    assert_eq!(reviewed_after, reviewed_before + 1);
    assert_eq!(b.text(&cell("precision")).await, "0%");
    assert!(b.text("#rejections").await.contains("quoting the customer"));
    b.shot("calibration-en").await;

    // The other pages, in English.
    for (path, name) in [
        ("/", "overview-en"),
        ("/?period=day", "overview-day-en"),
        ("/agents", "agents-en"),
    ] {
        b.goto(path).await;
        b.wait_path(path.split('?').next().unwrap()).await;
        b.shot(name).await;
    }
    // The new pages, in English: rules, root causes, sampling with a new assignment.
    for (path, name, heading) in [
        ("/rules", "rules-en", "Rules"),
        ("/causes", "causes-en", "Root causes"),
        (
            "/queue?product_line=headphones&reviewed=no",
            "queue-filtered-en",
            "Risk queue",
        ),
    ] {
        b.goto(path).await;
        b.wait_path(path.split('?').next().unwrap()).await;
        assert_eq!(b.text("h1").await, heading, "{path}");
        b.shot(name).await;
    }
    // A cell of the causes page opens the queue with as many conversations as it says.
    b.goto("/causes").await;
    b.wait_path("/causes").await;
    let cell = b
        .js("const a = document.querySelector('#causes-product td.threat a'); return [a.textContent, a.getAttribute('href')]")
        .await;
    let (n, href) = (
        cell[0].as_str().unwrap().to_string(),
        cell[1].as_str().unwrap().to_string(),
    );
    b.goto(&href).await;
    b.wait_path("/queue").await;
    assert_eq!(b.text("#match-count").await, n, "{href}");
    b.goto("/sampling").await;
    b.wait_path("/sampling").await;
    b.c.find(Locator::Css("select[name=assignee]"))
        .await
        .unwrap()
        .select_by_value("rita")
        .await
        .unwrap();
    b.c.find(Locator::Css("input[name=percent]"))
        .await
        .unwrap()
        .send_keys("5")
        .await
        .unwrap();
    b.c.find(Locator::Css("form.sample button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_path("/sampling/").await;
    assert_eq!(b.text("#assignee").await, "rita");
    b.shot("assignment-en").await;
    b.goto("/sampling").await;
    b.wait_path("/sampling").await;
    assert!(b.text("#assignments").await.contains("rita"));
    b.shot("sampling-en").await;
    // Adjust a score on the riskiest conversation.
    b.goto(&format!("/conversations/{riskiest}")).await;
    b.wait_path("/conversations/").await;
    b.c.find(Locator::Css("form.adjust input[name=score]"))
        .await
        .unwrap()
        .send_keys("42")
        .await
        .unwrap();
    b.c.find(Locator::Css("form.adjust input[name=reason]"))
        .await
        .unwrap()
        .send_keys("too generous")
        .await
        .unwrap();
    b.c.find(Locator::Css("form.adjust button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_until("return !!document.querySelector('#adjustments')")
        .await;
    assert!(b.text("#adjustments").await.contains("too generous"));
    b.shot("conversation-adjusted-en").await;
    b.goto("/agents").await;
    b.wait_path("/agents").await;
    assert_eq!(
        b.js("return document.querySelectorAll('#teams tbody tr[data-team]').length > 1")
            .await,
        json!(true),
        "the demo's agents come in teams"
    );

    let agent = b
        .js("return document.querySelector('#agents tbody tr').getAttribute('data-href')")
        .await;
    let agent = agent.as_str().unwrap().to_string();
    b.goto(&agent).await;
    b.wait_path("/agents/").await;
    assert_eq!(
        b.text("h1").await.split(" · ").next(),
        Some("Agent scorecard")
    );
    b.shot("agent-en").await;
    b.goto(&format!("/conversations/{}", common::SCRIPT_ID))
        .await;
    b.wait_path("/conversations/").await;
    assert!(b.text("#t-2").await.contains("<script>document.title="));
    b.shot("conversation-script-en").await;

    // The workspace switcher submits on change and remembers the choice.
    b.goto("/queue").await;
    b.wait_path("/queue").await;
    b.c.find(Locator::Css("select#ws"))
        .await
        .unwrap()
        .select_by_value(WS2)
        .await
        .unwrap();
    b.wait_path(&format!("/queue?ws={WS2}")).await;
    b.goto("/").await;
    b.wait_path("/").await;
    assert!(b.text("h1").await.ends_with(WS2));
    b.goto(&format!("/?ws={WS}")).await;
    b.wait_path("/").await;
    assert!(b.text("h1").await.ends_with(WS));

    // Switch to Chinese with the link in the header; the choice sticks.
    b.c.find(Locator::Css("a[hreflang=zh-CN]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_until(
        "return document.readyState === 'complete' && document.documentElement.lang === 'zh-CN'",
    )
    .await;
    assert!(b.path().await.contains("lang=zh-CN"));
    assert_eq!(b.text("h1").await.split(" · ").next(), Some("概览"));
    b.shot("overview-zh").await;
    for (path, name, heading) in [
        ("/?period=day", "overview-day-zh", "概览"),
        ("/queue", "queue-zh", "风险队列"),
        ("/calibration", "calibration-zh", "校准"),
        ("/agents", "agents-zh", "座席"),
        ("/rules", "rules-zh", "规则"),
        ("/causes", "causes-zh", "根因分析"),
        ("/sampling", "sampling-zh", "抽检"),
        (
            "/queue?product_line=headphones&reviewed=no",
            "queue-filtered-zh",
            "风险队列",
        ),
    ] {
        b.goto(path).await;
        b.wait_path(path.split('?').next().unwrap()).await;
        assert_eq!(
            b.text("h1").await.split(" · ").next(),
            Some(heading),
            "{path}"
        );
        b.shot(name).await;
    }
    assert!(b.text("nav.nav").await.contains("风险队列"));
    b.goto(&agent).await;
    b.wait_path("/agents/").await;
    assert!(b.text("h1").await.starts_with("座席评分卡"));
    b.shot("agent-zh").await;
    b.goto(&format!("/conversations/{riskiest}")).await;
    b.wait_path("/conversations/").await;
    assert!(b.text(&item).await.contains("已驳回"));
    assert!(b.text("#findings h2").await.starts_with("发现"));
    // The reviewed and adjusted states of the English shots, in Chinese.
    assert!(b.text("#adjustments").await.contains("too generous"));
    b.shot("conversation-zh").await;
    b.goto("/sampling").await;
    b.wait_path("/sampling").await;
    let assignment = b
        .js("return document.querySelector('#assignments tbody tr').getAttribute('data-href')")
        .await;
    b.goto(assignment.as_str().unwrap()).await;
    b.wait_path("/sampling/").await;
    assert!(b.text("h1").await.starts_with("审核任务"));
    b.shot("assignment-zh").await;
    b.goto(&format!("/conversations/{}", common::SCRIPT_ID))
        .await;
    b.wait_path("/conversations/").await;
    // The markup in the text is shown, not run.
    assert_eq!(
        b.js("return document.title.includes('pwned')").await,
        json!(false)
    );
    assert!(b.text("#t-2").await.contains("<script>document.title="));
    b.shot("conversation-script-zh").await;

    // Log out: back at the login page, still in Chinese.
    b.c.find(Locator::Css("form[action='/logout'] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_path("/login").await;
    assert_eq!(b.text("h1").await, "登录");
    b.shot("login-zh").await;
    b.goto("/queue").await;
    b.wait_path("/login").await;
}
