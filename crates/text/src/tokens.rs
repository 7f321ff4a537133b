//! Word tokens with byte spans.

use model::{Token, TokenKind};

/// Tokenises `text` into words, numbers and punctuation.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else if c.is_alphabetic() {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        out.push(Token { span: [i, end], kind });
    }
    out
}
