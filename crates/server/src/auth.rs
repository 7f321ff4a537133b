//! Who may write: bearer tokens for the API, a session cookie plus a CSRF
//! token for the web UI's forms.
//!
//! Tokens are compared by their keyed hashes, so the comparison takes the
//! same time whatever the guess. A form's CSRF token is a keyed hash of the
//! session it belongs to: a page from another site can neither read it nor
//! make it, and the cookie is `SameSite=Strict` besides.

use axum::http::{header, HeaderMap};

/// A write token and the name votes cast with it are signed with.
#[derive(Clone)]
pub struct Token {
    pub name: String,
    pub secret: String,
}

/// Reads `NAME:SECRET,NAME:SECRET` (or one bare secret, named `analyst`).
pub fn parse_tokens(s: &str) -> Vec<Token> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| match t.split_once(':') {
            Some((n, s)) if !n.trim().is_empty() && !s.is_empty() => Token {
                name: n.trim().to_string(),
                secret: s.to_string(),
            },
            _ => Token {
                name: "analyst".into(),
                secret: t.to_string(),
            },
        })
        .collect()
}

/// 32 random bytes as hex: a token printed at start, or the server's key.
pub fn random_hex() -> Result<String, getrandom::Error> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b)?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

pub struct Keys {
    key: [u8; 32],
    tokens: Vec<([u8; 32], String)>,
}

pub const SESSION_COOKIE: &str = "entente_session";

impl Keys {
    pub fn new(key: [u8; 32], tokens: &[Token]) -> Keys {
        let mut k = Keys {
            key,
            tokens: Vec::new(),
        };
        k.tokens = tokens
            .iter()
            .map(|t| (k.mac(&t.secret), t.name.clone()))
            .collect();
        k
    }

    fn mac(&self, s: &str) -> [u8; 32] {
        *blake3::keyed_hash(&self.key, s.as_bytes()).as_bytes()
    }

    /// The name of the token `secret` is, if any.
    pub fn who(&self, secret: &str) -> Option<String> {
        let m = self.mac(secret);
        let mut found = None;
        for (h, name) in &self.tokens {
            // Every token is compared, and each comparison in constant time.
            if blake3::Hash::from(*h) == blake3::Hash::from(m) {
                found = Some(name.clone());
            }
        }
        found
    }

    /// The name behind `Authorization: Bearer TOKEN`.
    pub fn bearer(&self, headers: &HeaderMap) -> Option<String> {
        let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
        let t = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))?;
        self.who(t.trim())
    }

    /// The session token in the cookie, if it is a valid token.
    pub fn session(&self, headers: &HeaderMap) -> Option<(String, String)> {
        for v in headers.get_all(header::COOKIE) {
            let Ok(v) = v.to_str() else { continue };
            for pair in v.split(';') {
                if let Some((k, val)) = pair.trim().split_once('=') {
                    if k == SESSION_COOKIE {
                        if let Some(name) = self.who(val) {
                            return Some((name, val.to_string()));
                        }
                    }
                }
            }
        }
        None
    }

    /// The CSRF token of a session's forms.
    pub fn csrf(&self, session: &str) -> String {
        let mut input = b"csrf:".to_vec();
        input.extend_from_slice(session.as_bytes());
        blake3::keyed_hash(&self.key, &input).to_hex()[..32].to_string()
    }

    pub fn csrf_ok(&self, session: &str, given: &str) -> bool {
        let want = self.csrf(session);
        want.len() == given.len()
            && want
                .bytes()
                .zip(given.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse_and_match() {
        let t = parse_tokens("ana:s3cret, bare");
        assert_eq!(t[0].name, "ana");
        assert_eq!(t[1].name, "analyst");
        let k = Keys::new([7; 32], &t);
        assert_eq!(k.who("s3cret").as_deref(), Some("ana"));
        assert_eq!(k.who("bare").as_deref(), Some("analyst"));
        assert_eq!(k.who("nope"), None);
        let c = k.csrf("s3cret");
        assert!(k.csrf_ok("s3cret", &c));
        assert!(!k.csrf_ok("bare", &c));
        assert!(!k.csrf_ok("s3cret", ""));
    }
}
