//! The frame of every page: the middleware that picks the language and sets the security
//! headers, the page shell with its navigation, the login and error pages, and URL helpers.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::auth::{self, Ctx, query_param, set_cookie};
use crate::i18n::{K, Lang};

pub(crate) const LANG_COOKIE: &str = "earshot_lang";
const YEAR: i64 = 365 * 24 * 3600;

/// Runs around every dashboard request: chooses the language (`?lang=`, the cookie, then
/// `Accept-Language`) and remembers an explicit choice of language or workspace in a cookie;
/// refuses cross-site POSTs; adds the security headers.
pub(crate) async fn frame(mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let query = req.uri().query().map(str::to_string);
    let asked = query_param(query.as_deref(), "lang").and_then(|l| Lang::parse(&l));
    let lang = asked
        .or_else(|| auth::cookie(headers, LANG_COOKIE).and_then(|l| Lang::parse(&l)))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::En);
    let secure = auth::behind_https(headers);
    let asked_ws = query_param(query.as_deref(), "ws").filter(|w| !w.is_empty());
    let cross_site_post = req.method() == Method::POST && !auth::same_origin(headers);
    req.extensions_mut().insert(lang);
    let mut resp = if cross_site_post {
        error_page(lang, StatusCode::FORBIDDEN, K::CsrfFailed)
    } else {
        next.run(req).await
    };
    let ok = resp.status().is_success();
    if let Some(l) = asked {
        resp.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(LANG_COOKIE, l.tag(), YEAR, false, secure),
        );
    }
    if let Some(ws) = asked_ws
        && ok
    {
        resp.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                auth::WORKSPACE_COOKIE,
                &hex::encode(ws.as_bytes()),
                YEAR,
                true,
                secure,
            ),
        );
    }
    let h = resp.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if !h.contains_key(header::VARY) {
        h.insert(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
    }
    resp
}

/// Percent-encodes everything but the unreserved characters: safe in a path segment and in a
/// query value.
pub(crate) fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query string from pairs, empty values left out; `""` or `?a=1&b=2`.
pub(crate) fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", pct(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// `here` (a path with its query) with `name` set to `value`, other parameters kept.
pub(crate) fn with_param(here: &str, name: &str, value: &str) -> String {
    let (path, q) = here.split_once('?').unwrap_or((here, ""));
    let mut parts: Vec<String> = q
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .map(str::to_string)
        .collect();
    parts.push(format!("{name}={}", pct(value)));
    format!("{path}?{}", parts.join("&"))
}

/// Which navigation entry a page belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    Overview,
    Queue,
    Calibration,
    Agents,
    Rules,
    Causes,
    Sampling,
}

fn html_response(status: StatusCode, markup: Markup) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

fn head(lang: Lang, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · earshot" }
            link rel="stylesheet" href="/assets/earshot.css";
            script src="/assets/earshot.js" defer {}
            meta name="earshot-lang" content=(lang.tag());
        }
    }
}

fn lang_links(lang: Lang, here: &str) -> Markup {
    html! {
        span.langs {
            @for (i, l) in Lang::ALL.iter().enumerate() {
                @if i > 0 { " · " }
                a href=(with_param(here, "lang", l.tag())) hreflang=(l.tag()) lang=(l.tag())
                    aria-current=(if *l == lang { "true" } else { "false" }) { (l.name()) }
            }
        }
    }
}

/// A page for a logged-in person: header with navigation, workspace switcher, language
/// switcher and logout, then `body`.
pub(crate) fn page(ctx: &Ctx, nav: Nav, title: &str, body: Markup) -> Response {
    let t = |k| ctx.lang.t(k);
    let path = ctx.here.split('?').next().unwrap_or("/");
    // Switching workspace keeps list pages and leaves pages about one item.
    let switch_to = match nav {
        Nav::Overview | Nav::Queue | Nav::Calibration | Nav::Rules | Nav::Causes
            if !path.starts_with("/conversations/") =>
        {
            path
        }
        Nav::Agents if path == "/agents" => path,
        Nav::Sampling if path == "/sampling" => path,
        _ => "/",
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(ctx.lang.tag()) {
            (head(ctx.lang, title))
            body {
                a.skip href="#main" { (t(K::SkipToContent)) }
                header.top {
                    a.brand href="/" { (t(K::AppName)) }
                    nav.nav aria-label="main" {
                        @for (n, href, k) in [
                            (Nav::Overview, "/", K::NavOverview),
                            (Nav::Queue, "/queue", K::NavQueue),
                            (Nav::Calibration, "/calibration", K::NavCalibration),
                            (Nav::Agents, "/agents", K::NavAgents),
                            (Nav::Causes, "/causes", K::NavCauses),
                            (Nav::Rules, "/rules", K::NavRules),
                            (Nav::Sampling, "/sampling", K::NavSampling),
                        ] {
                            a href=(href) aria-current=[(n == nav).then_some("page")] { (t(k)) }
                        }
                    }
                    div.tools {
                        @if ctx.grants.len() > 1 {
                            form method="get" action=(switch_to) {
                                label for="ws" { (t(K::Workspace)) }
                                select #ws name="ws" data-autosubmit {
                                    @for g in &ctx.grants {
                                        option value=(g.workspace) selected[g.workspace == ctx.workspace] { (g.workspace) }
                                    }
                                }
                                noscript { button type="submit" { (t(K::Switch)) } }
                            }
                        } @else {
                            span { (t(K::Workspace)) ": " strong #ws-name { (ctx.workspace) } }
                        }
                        (lang_links(ctx.lang, &ctx.here))
                        span.who { (t(K::SignedInAs)) " " strong { (ctx.username) } " (" (ctx.lang.access(ctx.role)) ")" }
                        form method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(ctx.csrf());
                            button type="submit" { (t(K::LogOut)) }
                        }
                    }
                }
                main #main { (body) }
            }
        }
    };
    html_response(StatusCode::OK, markup)
}

fn bare(lang: Lang, status: StatusCode, title: &str, here: &str, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            (head(lang, title))
            body {
                header.top {
                    a.brand href="/" { (lang.t(K::AppName)) }
                    div.tools { (lang_links(lang, here)) }
                }
                main #main { (body) }
            }
        }
    };
    html_response(status, markup)
}

/// The login form, with an error message after a failed attempt.
pub(crate) fn login_page(lang: Lang, next: &str, error: Option<K>, status: StatusCode) -> Response {
    let t = |k| lang.t(k);
    let here = format!(
        "/login{}",
        query(&[("next", if next == "/" { "" } else { next })])
    );
    bare(
        lang,
        status,
        t(K::LoginTitle),
        &here,
        html! {
            div.login.card {
                h1 { (t(K::LoginTitle)) }
                p.muted { (t(K::LoginIntro)) }
                @if let Some(e) = error {
                    p.notice.error role="alert" { (t(e)) }
                }
                form method="post" action="/login" {
                    input type="hidden" name="next" value=(next);
                    label { (t(K::Username)) input type="text" name="username" autocomplete="username" required autofocus; }
                    label { (t(K::Password)) input type="password" name="password" autocomplete="current-password" required; }
                    button.primary type="submit" { (t(K::LogIn)) }
                }
            }
        },
    )
}

/// A page that says what went wrong, with a way back.
pub(crate) fn error_page(lang: Lang, status: StatusCode, key: K) -> Response {
    let t = |k| lang.t(k);
    let title = match status {
        StatusCode::NOT_FOUND => t(K::NotFound),
        StatusCode::FORBIDDEN => t(K::Forbidden),
        _ => t(K::ServerError),
    };
    bare(
        lang,
        status,
        title,
        "/",
        html! {
            div.card {
                h1 { (title) }
                p { (t(key)) }
                p { a href="/queue" { (t(K::BackToQueue)) } }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(pct("a b/c?d#é"), "a%20b%2Fc%3Fd%23%C3%A9");
        assert_eq!(
            query(&[("a", "1"), ("b", ""), ("c", "x y")]),
            "?a=1&c=x%20y"
        );
        assert_eq!(query(&[("a", "")]), "");
        assert_eq!(
            with_param("/queue?lang=en&code=a.b", "lang", "zh-CN"),
            "/queue?code=a.b&lang=zh-CN"
        );
        assert_eq!(with_param("/", "lang", "en"), "/?lang=en");
    }
}
