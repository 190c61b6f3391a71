//! The dashboard over plain HTTP on a loopback port: login, sessions, CSRF, workspace
//! isolation, both languages, and escaping of conversation text.

mod common;

use common::{HIDDEN_ID, PASSWORD, SCRIPT_ID, WS, WS2, serve};
use earshot_store::Store;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The `name=value` of a `Set-Cookie` for `name`, with its attributes.
fn set_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .expect("a form with a CSRF token")
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

async fn post_login(base: &str, user: &str, password: &str) -> reqwest::Response {
    client()
        .post(format!("{base}/login"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(&[("username", user), ("password", password)]))
        .send()
        .await
        .unwrap()
}

/// Logs in and returns the `Cookie` header value.
async fn login(base: &str, user: &str) -> String {
    let r = post_login(base, user, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "login of {user}");
    cookie_pair(&set_cookie(r.headers(), "earshot_session").expect("a session cookie"))
}

async fn get(base: &str, path: &str, cookie: &str) -> reqwest::Response {
    client()
        .get(format!("{base}{path}"))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

async fn post(base: &str, path: &str, cookie: &str, body: &[(&str, &str)]) -> reqwest::Response {
    client()
        .post(format!("{base}{path}"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(body))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_redirect_to_login_without_a_session() {
    let s = serve().await;
    for (path, to) in [
        ("/", "/login"),
        (
            "/queue?code=abuse.insult",
            "/login?next=%2Fqueue%3Fcode%3Dabuse.insult",
        ),
        ("/calibration", "/login?next=%2Fcalibration"),
        ("/conversations/x", "/login?next=%2Fconversations%2Fx"),
    ] {
        let r = get(&s.base, path, "").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.headers()[header::LOCATION], to, "{path}");
    }
    // A made-up session id is no session.
    let r = get(&s.base, "/queue", "earshot_session=ss_0123").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The login page and the assets need none.
    let r = get(&s.base, "/login", "").await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("name=\"username\"") && html.contains("name=\"password\""));
    assert_eq!(
        get(&s.base, "/assets/earshot.css", "").await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_get_no_session() {
    let s = serve().await;
    for (user, pw) in [
        ("rita", "wrong password"),
        ("nobody", PASSWORD),
        ("rita", ""),
    ] {
        let r = post_login(&s.base, user, pw).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{user}");
        assert!(set_cookie(r.headers(), "earshot_session").is_none());
        let html = r.text().await.unwrap();
        assert!(html.contains("Wrong username or password."), "{html}");
    }
    let r = post_login(&s.base, "rita", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], "/");
    let c = set_cookie(r.headers(), "earshot_session").unwrap();
    for attr in ["HttpOnly", "SameSite=Lax", "Max-Age=43200", "Path=/"] {
        assert!(c.contains(attr), "{attr} missing in the session cookie");
    }
    // Only a hash of the session id is stored.
    let id = cookie_pair(&c).split_once('=').unwrap().1.to_string();
    let stored: Vec<String> = {
        let st = s.store();
        let mut q = st
            .connection()
            .prepare("SELECT hash FROM sessions")
            .unwrap();
        q.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], id);
    // `next` brings the person back, but never to another site.
    let r = client()
        .post(format!("{}/login", s.base))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(&[
            ("username", "rita"),
            ("password", PASSWORD),
            ("next", "//evil.example/"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()[header::LOCATION], "/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_need_the_sessions_csrf_token() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let path = format!("/conversations/{SCRIPT_ID}");
    let html = get(&s.base, &path, &rita).await.text().await.unwrap();
    let token = csrf_of(&html);
    let finding = s.store().stored_findings(WS, SCRIPT_ID).unwrap()[0].id;
    let action = format!("{path}/findings/{finding}/review");
    let reviews = |s: &common::Server| -> i64 {
        s.store()
            .connection()
            .query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0))
            .unwrap()
    };

    // No token, a wrong one, another session's.
    let other = login(&s.base, "ada").await;
    let other_html = get(&s.base, &path, &other).await.text().await.unwrap();
    for bad in ["", "00", csrf_of(&other_html).as_str()] {
        let r = post(
            &s.base,
            &action,
            &rita,
            &[("csrf", bad), ("verdict", "reject")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "token {bad:?}");
    }
    // The right token from another site.
    let r = client()
        .post(s.url(&action))
        .header(header::COOKIE, &rita)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(&[("csrf", &token), ("verdict", "reject")]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(reviews(&s), 0);

    // The right token, from this site.
    let r = client()
        .post(s.url(&action))
        .header(header::COOKIE, &rita)
        .header(header::ORIGIN, &s.base)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(&[
            ("csrf", &token),
            ("verdict", "reject"),
            ("comment", "quoted, not meant"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], format!("{path}#f-{finding}"));
    assert_eq!(reviews(&s), 1);
    let reviewer: String = s
        .store()
        .connection()
        .query_row("SELECT reviewer FROM reviews", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reviewer, "rita");

    // Logout needs the token too.
    let r = post(&s.base, "/logout", &rita, &[("csrf", "nope")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(get(&s.base, "/queue", &rita).await.status(), StatusCode::OK);
    let r = post(&s.base, "/logout", &rita, &[("csrf", &token)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        get(&s.base, "/queue", &rita).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn viewers_read_but_do_not_review() {
    let s = serve().await;
    let vic = login(&s.base, "vic").await;
    let path = format!("/conversations/{SCRIPT_ID}");
    let html = get(&s.base, &path, &vic).await.text().await.unwrap();
    assert!(
        !html.contains("name=\"verdict\""),
        "no review buttons for a viewer"
    );
    let token = csrf_of(&html); // the logout form's
    let finding = s.store().stored_findings(WS, SCRIPT_ID).unwrap()[0].id;
    let r = post(
        &s.base,
        &format!("{path}/findings/{finding}/review"),
        &vic,
        &[("csrf", &token), ("verdict", "confirm")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = post(
        &s.base,
        &format!("{path}/training-case"),
        &vic,
        &[("csrf", &token), ("kind", "good")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_workspaces_answer_404() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let r = get(&s.base, &format!("/conversations/{HIDDEN_ID}"), &rita).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = get(&s.base, &format!("/conversations/{SCRIPT_ID}"), &rita).await;
    assert_eq!(r.status(), StatusCode::OK);
    // Asking for a workspace without a grant.
    for path in ["/?ws=nordwind-home", "/queue?ws=sakura-beauty"] {
        let r = get(&s.base, path, &rita).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(set_cookie(r.headers(), "earshot_ws").is_none());
    }
    // A review of another workspace's finding.
    let html = get(&s.base, "/queue", &rita).await.text().await.unwrap();
    let token = csrf_of(&html);
    let hidden = s
        .store()
        .stored_findings("nordwind-home", HIDDEN_ID)
        .unwrap();
    assert!(!hidden.is_empty(), "the hidden conversation has findings");
    let r = post(
        &s.base,
        &format!(
            "/conversations/{HIDDEN_ID}/findings/{}/review",
            hidden[0].id
        ),
        &rita,
        &[("csrf", &token), ("verdict", "reject")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The queue lists only this workspace.
    assert!(html.contains(SCRIPT_ID) || html.contains("/conversations/"));
    assert!(!html.contains(HIDDEN_ID));

    // Ada has two workspaces: the switcher shows both and remembers the choice.
    let ada = login(&s.base, "ada").await;
    let html = get(&s.base, "/queue", &ada).await.text().await.unwrap();
    assert!(
        html.contains(&format!("<option value=\"{WS2}\"")),
        "switcher"
    );
    let r = get(&s.base, &format!("/queue?ws={WS2}"), &ada).await;
    assert_eq!(r.status(), StatusCode::OK);
    let ws_cookie = cookie_pair(&set_cookie(r.headers(), "earshot_ws").expect("remembered"));
    let both = format!("{ada}; {ws_cookie}");
    let html = get(&s.base, "/queue", &both).await.text().await.unwrap();
    assert!(
        html.contains(&format!("<option value=\"{WS2}\" selected")),
        "{WS2} chosen"
    );
    // In WS2 the acme conversation does not exist.
    let r = get(&s.base, &format!("/conversations/{SCRIPT_ID}"), &both).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = get(
        &s.base,
        &format!("/conversations/{SCRIPT_ID}?ws={WS}"),
        &both,
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_both_languages() {
    let s = serve().await;
    let ada = login(&s.base, "ada").await;
    let pages = [
        "/".to_string(),
        "/?period=day".to_string(),
        "/queue".to_string(),
        "/queue?severity=high&top=1".to_string(),
        format!("/conversations/{SCRIPT_ID}"),
        "/calibration".to_string(),
        "/agents".to_string(),
        "/agents/agent-web".to_string(),
    ];
    for p in &pages {
        let sep = if p.contains('?') { '&' } else { '?' };
        let en = get(&s.base, &format!("{p}{sep}lang=en"), &ada).await;
        assert_eq!(en.status(), StatusCode::OK, "{p}");
        let en = en.text().await.unwrap();
        assert!(
            en.contains("<html lang=\"en\">") && en.contains("Risk queue"),
            "{p}"
        );
        let zh = get(&s.base, &format!("{p}{sep}lang=zh-CN"), &ada).await;
        assert_eq!(zh.status(), StatusCode::OK, "{p}");
        let cookie = set_cookie(zh.headers(), "earshot_lang").expect("the choice is remembered");
        assert!(cookie.starts_with("earshot_lang=zh-CN"));
        let zh = zh.text().await.unwrap();
        assert!(
            zh.contains("<html lang=\"zh-CN\">") && zh.contains("风险队列"),
            "{p}"
        );
        assert!(
            !zh.contains(">Risk queue<"),
            "{p} still has English navigation"
        );
    }
    // The cookie, then Accept-Language, choose when the query does not.
    let with_cookie = format!("{ada}; earshot_lang=zh-CN");
    let html = get(&s.base, "/calibration", &with_cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("精确率"));
    let r = client()
        .get(s.url("/login"))
        .header(header::ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8")
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("用户名") && html.contains("密码"), "{html}");
    let html = get(&s.base, "/login", "").await.text().await.unwrap();
    assert!(html.contains("Username"));
    // A 404 speaks the person's language too.
    let r = get(&s.base, "/conversations/nope?lang=zh-CN", &ada).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("未找到"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversation_text_is_escaped_and_marked() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let r = get(&s.base, &format!("/conversations/{SCRIPT_ID}"), &rita).await;
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = r.text().await.unwrap();
    assert!(
        html.contains("&lt;script&gt;document.title="),
        "the markup is shown as text"
    );
    assert!(!html.contains("<script>document.title"), "and never run");
    assert!(html.contains("&lt;b&gt;now&lt;/b&gt;") || html.contains("&lt;b&gt;"));
    // The only script is the dashboard's own.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script src=\"/assets/earshot.js\""));
    // Each finding with a span has its evidence in marks.
    let findings = s.store().stored_findings(WS, SCRIPT_ID).unwrap();
    let marked: Vec<_> = findings
        .iter()
        .filter(|f| f.finding.span.is_some_and(|s| s.start < s.end))
        .collect();
    assert!(
        !marked.is_empty(),
        "the engine found something: {findings:?}"
    );
    for f in marked {
        assert!(
            html.contains(&format!("data-findings=\"{}", f.id))
                || html.contains(&format!(" {}\"", f.id)),
            "finding {} is marked: {:?}\n{}",
            f.id,
            f,
            html.split("<section").nth(1).unwrap_or("")
        );
    }
    assert!(html.contains("<mark "));
}
