//! Golden and property tests for word tokens.

use expect_test::{expect, Expect};
use model::{Token, TokenKind};
use proptest::prelude::*;
use text::tokens::tokens;

/// Tokens as `text/K` (W word, N number, P punct, S symbol), one input line
/// per output line.
fn dump(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let parts: Vec<String> = tokens(line)
            .iter()
            .map(|t| {
                let k = match t.kind {
                    TokenKind::Word => 'W',
                    TokenKind::Number => 'N',
                    TokenKind::Punct => 'P',
                    TokenKind::Symbol => 'S',
                };
                format!("{}/{k}", &line[t.span[0]..t.span[1]])
            })
            .collect();
        out.push_str(&parts.join(" "));
        out.push('\n');
    }
    out
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&dump(text));
}

#[test]
fn words_apostrophes_and_hyphens() {
    check(
        "Israel's envoy said they don't trust al-Assad or O'Neill's party.\nIt's the players' view; Xi’s aides can’t agree.\nThe T-4 base, COVID-19 and F-35 jets; US-Israeli ties — Erdoğan, Zürich.",
        expect![[r#"
            Israel/W 's/W envoy/W said/W they/W don't/W trust/W al-Assad/W or/W O'Neill/W 's/W party/W ./P
            It/W 's/W the/W players/W '/P view/W ;/P Xi/W ’s/W aides/W can’t/W agree/W ./P
            The/W T-4/W base/W ,/P COVID-19/W and/W F-35/W jets/W ;/P US-Israeli/W ties/W —/P Erdoğan/W ,/P Zürich/W ./P
        "#]],
    );
}

#[test]
fn abbreviations_and_initials() {
    check(
        "The U.S. and U.K. met at 9 a.m., e.g. in Washington D.C.\nGen. Smith and George W. Bush; U.S.-led forces; the U.S.'s allies; the U.S",
        expect![[r#"
            The/W U.S./W and/W U.K./W met/W at/W 9/N a.m./W ,/P e.g./W in/W Washington/W D.C./W
            Gen/W ./P Smith/W and/W George/W W/W ./P Bush/W ;/P U.S./W -/P led/W forces/W ;/P the/W U.S./W 's/W allies/W ;/P the/W U/W ./P S/W
        "#]],
    );
}

#[test]
fn numbers_money_and_percentages() {
    check(
        "Prices rose 3.5% to $1.2bn, or 1,200 units (70%) in 2020-2021.\nOn 21st March at 11:16, 1,2 and 12,3456 and 1990s and £5m and €3.",
        expect![[r#"
            Prices/W rose/W 3.5/N %/S to/W $/S 1.2bn/N ,/P or/W 1,200/N units/W (/P 70/N %/S )/P in/W 2020/N -/P 2021/N ./P
            On/W 21st/N March/W at/W 11/N :/P 16/N ,/P 1/N ,/P 2/N and/W 12/N ,/P 3456/N and/W 1990s/N and/W £/S 5m/N and/W €/S 3/N ./P
        "#]],
    );
}

#[test]
fn quotes_dashes_and_symbols() {
    check(
        "“Yes,” he said – ‘no’ — «non»… #tag @user & co + 5 = x | ~ © 😀",
        expect![[r#"
            “/P Yes/W ,/P ”/P he/W said/W –/P ‘/P no/W ’/P —/P «/P non/W »/P …/P #/S tag/W @/S user/W &/S co/W +/S 5/N =/S x/W |/S ~/S ©/S 😀/S
        "#]],
    );
}

#[test]
fn empty_and_whitespace() {
    assert!(tokens("").is_empty());
    assert!(tokens(" \t\n\u{a0}\u{3000}").is_empty());
}

/// Checks every invariant the tokeniser promises.
fn check_invariants(text: &str, toks: &[Token]) {
    let mut prev_end = 0;
    for t in toks {
        let [a, b] = t.span;
        assert!(a < b && b <= text.len(), "span {a}..{b} out of bounds");
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(a >= prev_end, "overlap or disorder at {a}");
        let s = &text[a..b];
        assert_eq!(s, s.trim(), "untrimmed token {s:?}");
        assert!(
            !s.chars().any(char::is_whitespace),
            "whitespace inside {s:?}"
        );
        assert!(
            text[prev_end..a].trim().is_empty(),
            "untokenised text before {a}"
        );
        prev_end = b;
    }
    assert!(text[prev_end..].trim().is_empty(), "untokenised tail");
}

fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("'s".to_string()),
        Just("’s".to_string()),
        Just("-".to_string()),
        Just("'".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(" ".to_string()),
        Just("\u{301}".to_string()),
        "[A-Za-z]{1,6}",
        "[0-9]{1,5}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_on_newsy_text(text in newsy()) {
        check_invariants(&text, &tokens(&text));
    }

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>()) {
        check_invariants(&text, &tokens(&text));
    }

    #[test]
    fn words_and_numbers_hold_no_stray_punctuation(text in newsy()) {
        for t in tokens(&text) {
            let s = &text[t.span[0]..t.span[1]];
            if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
                prop_assert!(!s.starts_with('-') && !s.ends_with('-'), "{:?}", s);
                prop_assert!(!s.starts_with(',') && !s.ends_with(','), "{:?}", s);
            }
        }
    }
}
