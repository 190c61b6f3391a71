//! People: passwords, sessions, the workspace a page is about, and CSRF tokens.
//!
//! Nothing here writes a password or a session id anywhere but the store (hashed) and the
//! person's own cookie.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use earshot_store::{TokenGrant, TokenRole};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::i18n::{K, Lang};
use crate::{Failure, Web, layout};

pub(crate) const SESSION_COOKIE: &str = "earshot_session";
pub(crate) const WORKSPACE_COOKIE: &str = "earshot_ws";
/// How long a session lives: 12 hours.
pub(crate) const SESSION_SECONDS: i64 = 12 * 3600;

/// An argon2id PHC string of `password` with a fresh random salt, as
/// `earshot_store::Store::upsert_user` stores it.
pub fn hash_password(password: &str) -> Result<String, String> {
    let hash: PasswordHash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| format!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash`. A damaged hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// A hash no password is checked against successfully, so that an unknown username costs as
/// much time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("earshot decoy password").unwrap_or_default())
}

/// The value of cookie `name`, if the request carries it.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
}

/// A `Set-Cookie` value; `Secure` when the request came through an HTTPS proxy.
pub(crate) fn set_cookie(
    name: &str,
    value: &str,
    max_age: i64,
    http_only: bool,
    secure: bool,
) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub(crate) fn behind_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// The person behind a request, and the workspace the page is about.
pub(crate) struct Ctx {
    pub lang: Lang,
    pub username: String,
    /// The workspaces this person may read, sorted.
    pub grants: Vec<TokenGrant>,
    pub workspace: String,
    pub role: TokenRole,
    /// The request's path and query, for links that change one parameter (the language).
    pub here: String,
    csrf: String,
}

impl Ctx {
    pub fn can_review(&self) -> bool {
        self.role >= TokenRole::Reviewer
    }

    pub fn csrf(&self) -> &str {
        &self.csrf
    }

    /// Fails with 403 unless `token` is this session's CSRF token.
    pub fn check_csrf(&self, token: &str) -> Result<(), Failure> {
        if !token.is_empty() && constant_time_eq(token.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(Failure::new(
                self.lang,
                StatusCode::FORBIDDEN,
                K::CsrfFailed,
            ))
        }
    }

    /// A reviewer's form post: the form parsed (a malformed one reads as a failed CSRF check),
    /// its CSRF token right, and the person a reviewer or admin here.
    pub fn review_form<T>(
        &self,
        form: Result<Form<T>, FormRejection>,
        csrf: impl FnOnce(&T) -> &str,
    ) -> Result<T, Failure> {
        let Ok(Form(form)) = form else {
            return Err(self.fail(StatusCode::FORBIDDEN, K::CsrfFailed));
        };
        self.check_csrf(csrf(&form))?;
        if !self.can_review() {
            return Err(self.fail(StatusCode::FORBIDDEN, K::ForbiddenText));
        }
        Ok(form)
    }

    pub fn fail(&self, status: StatusCode, key: K) -> Failure {
        Failure::new(self.lang, status, key)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The CSRF token of a session: HMAC-SHA256 of its id under the process's key.
fn csrf_token(key: &[u8; 32], session_id: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(b"earshot csrf\0");
    mac.update(session_id.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The value of parameter `name` in a query string, if any.
pub(crate) fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    let query = query?;
    let map = axum::extract::Query::<std::collections::HashMap<String, String>>::try_from_uri(
        &format!("/?{query}").parse().ok()?,
    )
    .ok()?;
    map.0.get(name).cloned()
}

/// Why a request has no [`Ctx`].
pub(crate) enum NoCtx {
    /// No live session: to the login page, then back.
    Login(String),
    Fail(Failure),
}

impl IntoResponse for NoCtx {
    fn into_response(self) -> Response {
        match self {
            NoCtx::Login(next) => {
                let to = if next == "/" {
                    "/login".to_string()
                } else {
                    format!("/login?next={}", crate::layout::pct(&next))
                };
                let mut r = Redirect::to(&to).into_response();
                // A stale cookie is dropped.
                r.headers_mut().append(
                    header::SET_COOKIE,
                    set_cookie(SESSION_COOKIE, "", 0, true, false),
                );
                r
            }
            NoCtx::Fail(f) => f.into_response(),
        }
    }
}

impl FromRequestParts<Web> for Ctx {
    type Rejection = NoCtx;

    async fn from_request_parts(parts: &mut Parts, web: &Web) -> Result<Ctx, NoCtx> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or(Lang::En);
        let here = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
        let next = if parts.method == axum::http::Method::GET {
            here.clone()
        } else {
            "/".to_string()
        };
        let Some(session_id) = cookie(&parts.headers, SESSION_COOKIE).filter(|s| !s.is_empty())
        else {
            return Err(NoCtx::Login(next));
        };
        let sid = session_id.clone();
        let user = web
            .store(lang, move |s| {
                let Some(username) = s.session_user(&sid, now())? else {
                    return Ok(None);
                };
                s.user(&username)
            })
            .await
            .map_err(NoCtx::Fail)?;
        let Some(user) = user else {
            return Err(NoCtx::Login(next));
        };
        let grants: Vec<TokenGrant> = user
            .grants
            .into_iter()
            .filter(|g| g.role.can_read())
            .collect();
        if grants.is_empty() {
            return Err(NoCtx::Fail(Failure::new(
                lang,
                StatusCode::FORBIDDEN,
                K::NoWorkspace,
            )));
        }
        // `?ws=` names the workspace; it must be one of the person's. Else the remembered one,
        // else the first.
        let asked = query_param(parts.uri.query(), "ws").filter(|w| !w.is_empty());
        let grant = if let Some(ws) = asked {
            grants
                .iter()
                .find(|g| g.workspace == ws)
                .ok_or(NoCtx::Fail(Failure::not_found(lang)))?
        } else {
            let remembered = cookie(&parts.headers, WORKSPACE_COOKIE)
                .and_then(|v| hex::decode(v).ok())
                .and_then(|v| String::from_utf8(v).ok());
            remembered
                .and_then(|ws| grants.iter().find(|g| g.workspace == ws))
                .unwrap_or(&grants[0])
        };
        let (workspace, role) = (grant.workspace.clone(), grant.role);
        Ok(Ctx {
            lang,
            username: user.username,
            grants,
            workspace,
            role,
            here,
            csrf: csrf_token(&web.csrf_key, &session_id),
        })
    }
}

#[derive(Deserialize)]
pub(crate) struct LoginQuery {
    next: Option<String>,
}

/// Only a path on this site: never `//host` or `/\host`, which browsers read as another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.starts_with("/login")
                && !n.chars().any(char::is_control) =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// `GET /login`.
pub(crate) async fn login_form(
    Extension(lang): Extension<Lang>,
    axum::extract::Query(q): axum::extract::Query<LoginQuery>,
) -> Response {
    layout::login_page(lang, &safe_next(q.next.as_deref()), None, StatusCode::OK)
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /login`: a session cookie and a redirect, or the form again with 401.
pub(crate) async fn login(
    State(web): State<Web>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return Failure::new(lang, StatusCode::BAD_REQUEST, K::BadRequest).into_response();
    };
    let next = safe_next(form.next.as_deref());
    let username = form.username.trim().to_string();
    let name = username.clone();
    let user = match web.store(lang, move |s| s.user(&name)).await {
        Ok(u) => u,
        Err(f) => return f.into_response(),
    };
    let password = form.password;
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| decoy_hash().to_string());
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    if !matches || user.is_none() {
        return layout::login_page(lang, &next, Some(K::BadLogin), StatusCode::UNAUTHORIZED);
    }
    let expires = now() + SESSION_SECONDS;
    let created = web
        .store(lang, move |s| s.create_session(&username, expires))
        .await;
    let session_id = match created {
        Ok(id) => id,
        Err(f) => return f.into_response(),
    };
    let mut r = Redirect::to(&next).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &session_id,
            SESSION_SECONDS,
            true,
            behind_https(&headers),
        ),
    );
    r
}

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /logout`: ends the session.
pub(crate) async fn logout(
    State(web): State<Web>,
    ctx: Ctx,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, Failure> {
    let token = form.map(|Form(f)| f.csrf).unwrap_or_default();
    ctx.check_csrf(&token)?;
    if let Some(sid) = cookie(&headers, SESSION_COOKIE) {
        web.store(ctx.lang, move |s| s.delete_session(&sid)).await?;
    }
    let mut r = Redirect::to("/login").into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, true, behind_https(&headers)),
    );
    Ok(r)
}

/// Whether a POST comes from this site: its `Origin` (or, without one, its `Referer`) names
/// the host the request was sent to (`X-Forwarded-Host` behind a proxy, else `Host`).
/// Requests with neither (scripts, curl) pass; browsers always send one on a cross-site form.
pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers
        .get("x-forwarded-host")
        .or_else(|| headers.get(header::HOST))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(str::trim);
    let Some(host) = host else {
        return true;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(source) = source else {
        return true;
    };
    let Some(rest) = source
        .strip_prefix("http://")
        .or_else(|| source.strip_prefix("https://"))
    else {
        // `Origin: null` and anything else that names no host.
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong horse", &h));
        assert!(!verify_password("correct horse", "not a hash"));
        assert_ne!(h, hash_password("correct horse").unwrap(), "salted");
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/queue?code=a.b")), "/queue?code=a.b");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example/")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn origins() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "http://127.0.0.1:8080".parse().unwrap());
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, "http://evil.example".parse().unwrap());
        assert!(!same_origin(&h));
        h.insert(header::ORIGIN, "null".parse().unwrap());
        assert!(!same_origin(&h));
        // Behind a proxy that rewrites Host.
        h.insert(header::ORIGIN, "https://qa.example".parse().unwrap());
        assert!(!same_origin(&h));
        h.insert("x-forwarded-host", "qa.example".parse().unwrap());
        assert!(same_origin(&h));
    }

    #[test]
    fn csrf_tokens_differ_per_session() {
        let k = [7u8; 32];
        assert_eq!(csrf_token(&k, "ss_a"), csrf_token(&k, "ss_a"));
        assert_ne!(csrf_token(&k, "ss_a"), csrf_token(&k, "ss_b"));
        assert_ne!(csrf_token(&k, "ss_a"), csrf_token(&[8u8; 32], "ss_a"));
    }
}
