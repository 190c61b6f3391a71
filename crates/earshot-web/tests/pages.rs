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
        "/rules".to_string(),
        "/causes".to_string(),
        "/sampling".to_string(),
        "/queue?product_line=headphones&reviewed=no&tag=returns".to_string(),
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
        for link in ["/rules", "/causes", "/sampling"] {
            assert!(en.contains(&format!("href=\"{link}\"")), "{p} links {link}");
        }
        let zh = get(&s.base, &format!("{p}{sep}lang=zh-CN"), &ada).await;
        assert_eq!(zh.status(), StatusCode::OK, "{p}");
        let cookie = set_cookie(zh.headers(), "earshot_lang").expect("the choice is remembered");
        assert!(cookie.starts_with("earshot_lang=zh-CN"));
        let zh = zh.text().await.unwrap();
        assert!(
            zh.contains("<html lang=\"zh-CN\">") && zh.contains("风险队列"),
            "{p}"
        );
        assert!(zh.contains("根因分析") && zh.contains("抽检"), "{p}");
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

/// The text of the first element with `id`, tags stripped.
fn by_id(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let mut depth = 0usize;
    let mut out = String::new();
    let mut in_tag = false;
    for (i, ch) in rest[open..].char_indices() {
        if ch == '<' {
            in_tag = true;
            if rest[open + i..].starts_with("</") {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else {
                depth += 1;
            }
        } else if ch == '>' {
            in_tag = false;
            if rest[..open + i].ends_with('/') {
                depth = depth.saturating_sub(1);
            }
        } else if !in_tag {
            out.push(ch);
        }
    }
    out.trim().to_string()
}

fn count_sql(s: &common::Server, sql: &str, args: &[&str]) -> i64 {
    s.store()
        .connection()
        .query_row(sql, rusqlite::params_from_iter(args.iter()), |r| r.get(0))
        .unwrap()
}

/// The number linked by `href_end` (an href ending in it) inside the table row `data-key`.
fn linked_number(html: &str, table: &str, key: &str, href_end: &str) -> i64 {
    let t = &html[html.find(&format!("id=\"{table}\"")).expect(table)..];
    let row = &t[t.find(&format!("data-key=\"{key}\"")).expect(key)..];
    let row = &row[..row.find("</tr>").unwrap()];
    let at = row
        .find(&format!("{href_end}\">"))
        .unwrap_or_else(|| panic!("{href_end} in {row}"));
    let rest = &row[at + href_end.len() + 2..];
    rest[..rest.find('<').unwrap()].trim().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queue_filters_by_product_line_tag_country_and_review() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let (line, n): (String, i64) = s
        .store()
        .connection()
        .query_row(
            "SELECT product_line, COUNT(*) FROM conversations WHERE workspace = ?1
             AND product_line IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            [WS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let all = count_sql(
        &s,
        "SELECT COUNT(*) FROM conversations WHERE workspace = ?1",
        &[WS],
    );
    assert!(n > 0 && n < all, "{line}: {n} of {all}");
    let html = get(&s.base, "/queue", &rita).await.text().await.unwrap();
    assert_eq!(by_id(&html, "match-count"), all.to_string());
    let path = format!("/queue?product_line={line}");
    let html = get(&s.base, &path, &rita).await.text().await.unwrap();
    assert_eq!(by_id(&html, "match-count"), n.to_string(), "{line}");
    assert!(html.contains(&format!("<option value=\"{line}\" selected")));
    // No conversation of another product line is listed.
    let other: String = s
        .store()
        .connection()
        .query_row(
            "SELECT id FROM conversations WHERE workspace = ?1 AND product_line <> ?2
             ORDER BY risk DESC LIMIT 1",
            [WS, line.as_str()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !html.contains(&format!("/conversations/{other}\"")),
        "{other}"
    );
    // A tag and a country.
    let (tag, tagged): (String, i64) = s
        .store()
        .connection()
        .query_row(
            "SELECT j.value, COUNT(*) FROM conversations c, json_each(c.data, '$.tags') j
             WHERE c.workspace = ?1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            [WS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let html = get(&s.base, &format!("/queue?tag={tag}"), &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(by_id(&html, "match-count"), tagged.to_string(), "tag {tag}");
    let de = count_sql(
        &s,
        "SELECT COUNT(*) FROM conversations WHERE workspace = ?1 AND country = 'DE'",
        &[WS],
    );
    let html = get(&s.base, "/queue?country=DE", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(by_id(&html, "match-count"), de.to_string());
    // Reviewed or not: a review moves the conversation from one to the other.
    let html = get(&s.base, "/queue?reviewed=yes", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(by_id(&html, "match-count"), "0");
    let finding = s.store().stored_findings(WS, SCRIPT_ID).unwrap()[0].id;
    s.store()
        .review(
            WS,
            finding,
            earshot_store::Verdict::Confirm,
            None,
            Some("rita"),
        )
        .unwrap();
    let html = get(&s.base, "/queue?reviewed=yes", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(by_id(&html, "match-count"), "1");
    assert!(html.contains(&format!("/conversations/{SCRIPT_ID}\"")));
    let html = get(&s.base, "/queue?reviewed=no", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(by_id(&html, "match-count"), (all - 1).to_string());
    assert!(!html.contains(&format!("/conversations/{SCRIPT_ID}\"")));
    // The hidden workspace's conversation never shows, whatever the filter.
    let html = get(&s.base, "/queue?code_prefix=threat.", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(HIDDEN_ID));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rules_and_causes_count_this_workspace_only() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let html = get(&s.base, "/rules", &rita).await.text().await.unwrap();
    assert!(
        html.contains("data-rule=\"offer-further-help\""),
        "a built-in rule"
    );
    let insults = count_sql(
        &s,
        "SELECT COUNT(*) FROM findings WHERE workspace = ?1 AND code = 'abuse.insult'",
        &[WS],
    );
    assert!(insults > 0);
    let t = &html[html.find("id=\"codes\"").unwrap()..];
    let row = &t[t.find("data-key=\"abuse.insult\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(&format!(">{insults}</td>")), "{row}");
    // Every built-in code is listed.
    for c in earshot_model::CODES {
        assert!(t.contains(&format!("data-key=\"{}\"", c.code.as_str())));
    }
    // Precision with n after two reviews: one confirmed, one rejected.
    let ids: Vec<i64> = {
        let st = s.store();
        let mut q = st
            .connection()
            .prepare(
                "SELECT id FROM findings WHERE workspace = ?1 AND code = 'abuse.insult' LIMIT 2",
            )
            .unwrap();
        q.query_map([WS], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut st = s.store();
    st.review(
        WS,
        ids[0],
        earshot_store::Verdict::Confirm,
        None,
        Some("rita"),
    )
    .unwrap();
    st.review(
        WS,
        ids[1],
        earshot_store::Verdict::Reject,
        None,
        Some("rita"),
    )
    .unwrap();
    let html = get(&s.base, "/rules", &rita).await.text().await.unwrap();
    let t = &html[html.find("id=\"codes\"").unwrap()..];
    let row = &t[t.find("data-key=\"abuse.insult\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("50%") && row.contains("= 2)"), "{row}");

    // Root causes: a cell's number is the number of conversations the queue shows behind it.
    let html = get(&s.base, "/causes", &rita).await.text().await.unwrap();
    let (line, threats): (String, i64) = s
        .store()
        .connection()
        .query_row(
            "SELECT c.product_line, COUNT(DISTINCT c.id) FROM conversations c JOIN findings f
               ON f.workspace = c.workspace AND f.conversation_id = c.id
             WHERE c.workspace = ?1 AND f.code LIKE 'threat.%' AND c.product_line IS NOT NULL
             GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            [WS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let shown = linked_number(&html, "causes-product", &line, "code_prefix=threat.");
    assert_eq!(shown, threats, "{line}");
    let q = get(
        &s.base,
        &format!("/queue?product_line={line}&code_prefix=threat."),
        &rita,
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(by_id(&q, "match-count"), threats.to_string());
    let angry_de = count_sql(
        &s,
        "SELECT COUNT(DISTINCT c.id) FROM conversations c JOIN findings f
           ON f.workspace = c.workspace AND f.conversation_id = c.id
         WHERE c.workspace = ?1 AND c.country = 'DE' AND f.code = 'emotion.anger'",
        &[WS],
    );
    assert_eq!(
        linked_number(&html, "causes-country", "DE", "code=emotion.anger"),
        angry_de
    );
    // Tags come from the conversations' `tags`.
    let (tag, abusive): (String, i64) = s
        .store()
        .connection()
        .query_row(
            "SELECT j.value, COUNT(DISTINCT c.id) FROM conversations c, json_each(c.data, '$.tags') j
             JOIN findings f ON f.workspace = c.workspace AND f.conversation_id = c.id
             WHERE c.workspace = ?1 AND f.code LIKE 'abuse.%' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            [WS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        linked_number(&html, "causes-tag", &tag, "code_prefix=abuse."),
        abusive
    );
    // Ada sees her second workspace's numbers there, never acme's.
    let ada = login(&s.base, "ada").await;
    let html = get(&s.base, &format!("/causes?ws={WS2}"), &ada)
        .await
        .text()
        .await
        .unwrap();
    let total2 = count_sql(
        &s,
        "SELECT COUNT(*) FROM conversations WHERE workspace = ?1",
        &[WS2],
    );
    let all_row = &html[html.find("id=\"causes-all\"").unwrap()..];
    assert!(
        all_row.contains(&format!("<td class=\"num conversations\">{total2}</td>")),
        "{}",
        &all_row[..600.min(all_row.len())]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviewers_adjust_scores_with_a_reason_and_comment() {
    let s = serve().await;
    let rita = login(&s.base, "rita").await;
    let path = format!("/conversations/{SCRIPT_ID}");
    let html = get(&s.base, &path, &rita).await.text().await.unwrap();
    assert!(html.contains("name=\"dimension\""), "the adjust form");
    let token = csrf_of(&html);
    let adjust = format!("{path}/scores");
    let adjustments =
        |s: &common::Server| count_sql(s, "SELECT COUNT(*) FROM score_adjustments", &[]);
    // Bad input gets a clear message and stores nothing.
    for (score, reason, message) in [
        (
            "150",
            "too high",
            "The score must be a number from 0 to 100.",
        ),
        (
            "abc",
            "not a number",
            "The score must be a number from 0 to 100.",
        ),
        ("40", "  ", "the reason is required"),
    ] {
        let r = post(
            &s.base,
            &adjust,
            &rita,
            &[
                ("csrf", &token),
                ("dimension", "courtesy"),
                ("score", score),
                ("reason", reason),
            ],
        )
        .await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{score}");
        assert!(r.text().await.unwrap().contains(message), "{score}");
    }
    let r = post(
        &s.base,
        &adjust,
        &rita,
        &[
            ("csrf", &token),
            ("dimension", "loudness"),
            ("score", "40"),
            ("reason", "x"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // Without the token.
    let r = post(
        &s.base,
        &adjust,
        &rita,
        &[("dimension", "courtesy"), ("score", "40"), ("reason", "x")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(adjustments(&s), 0);
    // A viewer may not.
    let vic = login(&s.base, "vic").await;
    let vhtml = get(&s.base, &path, &vic).await.text().await.unwrap();
    assert!(!vhtml.contains("name=\"dimension\""));
    let r = post(
        &s.base,
        &adjust,
        &vic,
        &[
            ("csrf", &csrf_of(&vhtml)),
            ("dimension", "courtesy"),
            ("score", "40"),
            ("reason", "x"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Another workspace's conversation does not exist.
    let r = post(
        &s.base,
        &format!("/conversations/{HIDDEN_ID}/scores"),
        &rita,
        &[
            ("csrf", &token),
            ("dimension", "courtesy"),
            ("score", "40"),
            ("reason", "x"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(adjustments(&s), 0);

    let before = get(&s.base, "/calibration", &rita)
        .await
        .text()
        .await
        .unwrap();
    let kappa_n = |html: &str| -> String {
        let t = &html[html.find("data-dimension=\"courtesy\"").unwrap()..];
        let t = &t[t.find("class=\"num n\">").unwrap() + 14..];
        t[..t.find('<').unwrap()].to_string()
    };
    assert_eq!(kappa_n(&before), "0");
    let r = post(
        &s.base,
        &adjust,
        &rita,
        &[
            ("csrf", &token),
            ("dimension", "courtesy"),
            ("score", "35"),
            ("reason", "the agent was curt"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[header::LOCATION], format!("{path}#adjust"));
    let (who, new, reason): (String, f64, String) = s
        .store()
        .connection()
        .query_row(
            "SELECT reviewer, new_score, reason FROM score_adjustments",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (who.as_str(), new, reason.as_str()),
        ("rita", 35.0, "the agent was curt")
    );
    let html = get(&s.base, &path, &rita).await.text().await.unwrap();
    let list = by_id(&html, "adjustments");
    assert!(
        list.contains("the agent was curt") && list.contains("rita") && list.contains("→ 35"),
        "{list}"
    );
    let after = get(&s.base, "/calibration", &rita)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        kappa_n(&after),
        "1",
        "the adjusted score counts in calibration"
    );

    // A comment, shown on the page; an empty one is refused.
    let comment = format!("{path}/comments");
    let r = post(
        &s.base,
        &comment,
        &rita,
        &[("csrf", &token), ("body", "   ")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("The comment is empty."));
    let r = post(
        &s.base,
        &comment,
        &rita,
        &[
            ("csrf", &token),
            ("body", "call the customer back <b>today</b>"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = get(&s.base, &path, &rita).await.text().await.unwrap();
    assert!(
        by_id(&html, "comments").contains("call the customer back &lt;b&gt;today"),
        "shown, and escaped"
    );
    assert!(!html.contains("<b>today"));
    let r = post(
        &s.base,
        &format!("/conversations/{HIDDEN_ID}/comments"),
        &rita,
        &[("csrf", &token), ("body", "x")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sampling_assigns_and_tracks_completion() {
    let s = serve().await;
    let ada = login(&s.base, "ada").await;
    let html = get(&s.base, "/sampling", &ada).await.text().await.unwrap();
    let token = csrf_of(&html);
    // Only reviewers and admins of this workspace can be chosen.
    assert!(html.contains("<option value=\"rita\"") && !html.contains("<option value=\"vic\""));
    let make = |pairs: Vec<(&'static str, String)>| {
        let mut v: Vec<(&str, String)> = vec![("csrf", token.clone())];
        v.extend(pairs);
        v
    };
    let send = |body: Vec<(&'static str, String)>| {
        let (base, ada) = (s.base.clone(), ada.clone());
        async move {
            let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(&base, "/sampling", &ada, &pairs).await
        }
    };
    for (pairs, message) in [
        (
            vec![
                ("assignee", "rita".into()),
                ("kind", "random".into()),
                ("percent", "0".into()),
            ],
            "Give a percentage above 0 and at most 100.",
        ),
        (
            vec![
                ("assignee", "rita".into()),
                ("kind", "high_value".into()),
                ("min_value", "lots".into()),
            ],
            "Give the order value as a number of 0 or more.",
        ),
        (
            vec![("assignee", "vic".into()), ("kind", "new_agents".into())],
            "Choose a reviewer of this workspace",
        ),
        (
            vec![
                ("assignee", "rita".into()),
                ("kind", "random".into()),
                ("percent", "5".into()),
                ("from", "2031-01-01".into()),
            ],
            "No conversation matches these criteria.",
        ),
    ] {
        let r = send(make(pairs)).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let body = r.text().await.unwrap();
        assert!(by_id(&body, "form-error").contains(message), "{message}");
    }
    assert_eq!(
        count_sql(&s, "SELECT COUNT(*) FROM review_assignments", &[]),
        0
    );
    // 10% of the workspace, for rita.
    let all = count_sql(
        &s,
        "SELECT COUNT(*) FROM conversations WHERE workspace = ?1",
        &[WS],
    );
    let r = send(make(vec![
        ("assignee", "rita".into()),
        ("kind", "random".into()),
        ("percent", "10".into()),
        ("limit", "1000".into()),
    ]))
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert!(to.starts_with("/sampling/"), "{to}");
    let expected = (all + 9) / 10;
    assert_eq!(
        count_sql(&s, "SELECT COUNT(*) FROM review_assignment_items", &[]),
        expected
    );
    // A targeted one: conversations with a threat of legal action.
    let legal = count_sql(
        &s,
        "SELECT COUNT(DISTINCT conversation_id) FROM findings WHERE workspace = ?1 AND code = 'threat.legal'",
        &[WS],
    );
    let r = send(make(vec![
        ("assignee", "ada".into()),
        ("kind", "code".into()),
        ("code", "threat.legal".into()),
    ]))
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let legal_page = r.headers()[header::LOCATION].to_str().unwrap().to_string();
    let html = get(&s.base, &legal_page, &ada).await.text().await.unwrap();
    assert_eq!(
        html.matches("<tr data-href=\"/conversations/").count() as i64,
        legal.min(50)
    );

    // Rita sees hers; reviewing one of its conversations counts it done.
    let rita = login(&s.base, "rita").await;
    let html = get(&s.base, &to, &rita).await.text().await.unwrap();
    assert!(by_id(&html, "assignee").contains("rita"));
    assert!(
        html.contains(&format!("0 / {expected}"))
            || by_id(&html, "main").contains(&format!("0 / {expected}"))
    );
    let first = html
        .split("<tr data-href=\"/conversations/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let first = first.replace("%2D", "-");
    let cpath = format!("/conversations/{first}");
    let chtml = get(&s.base, &cpath, &rita).await.text().await.unwrap();
    let ctoken = csrf_of(&chtml);
    let r = post(
        &s.base,
        &format!("{cpath}/scores"),
        &rita,
        &[
            ("csrf", &ctoken),
            ("dimension", "empathy"),
            ("score", "70"),
            ("reason", "fine"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{cpath}");
    let html = get(&s.base, "/sampling", &rita).await.text().await.unwrap();
    let mine = by_id(&html, "mine");
    assert!(mine.contains(&format!("1 / {expected}")), "{mine}");
    assert!(
        !mine.contains("threat.legal"),
        "ada's assignment is not rita's"
    );
    // A viewer reads but may not create; another workspace's assignment does not exist.
    let vic = login(&s.base, "vic").await;
    let vhtml = get(&s.base, "/sampling", &vic).await.text().await.unwrap();
    assert!(!vhtml.contains("action=\"/sampling\""));
    let r = post(
        &s.base,
        "/sampling",
        &vic,
        &[
            ("csrf", &csrf_of(&vhtml)),
            ("assignee", "rita"),
            ("kind", "new_agents"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = get(&s.base, &format!("{to}?ws={WS2}"), &ada).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = get(&s.base, "/sampling/nope", &ada).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
