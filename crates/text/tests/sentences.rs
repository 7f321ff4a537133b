//! Golden and property tests for sentence segmentation on news-like English.

use expect_test::{expect, Expect};
use model::Sentence;
use proptest::prelude::*;
use text::sentences::{sentence_of, sentences};

// The shared-data rule of the other crates' tests, without a dependency on
// `testkit` (which depends on this crate).
#[allow(dead_code)]
#[path = "../../testkit/src/shared.rs"]
mod shared;

/// One sentence per line; line breaks inside a sentence show as `⏎`.
fn dump(text: &str) -> String {
    let mut out = String::new();
    for s in sentences(text) {
        out.push_str(&text[s.span[0]..s.span[1]].replace('\n', "⏎"));
        out.push('\n');
    }
    out
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&dump(text));
}

#[test]
fn headline_byline_and_dateline() {
    check(
        "Ministers Agree Border Deal After Late-Night Talks\nBy Jane Porter and Tom Reyes\n12 March 2025\nLONDON (Wire) - Foreign ministers signed the accord on Tuesday. The deal, worth $1.2bn over five years, cuts tariffs by 3.5% and opens two crossings.\n",
        expect![[r#"
            Ministers Agree Border Deal After Late-Night Talks
            By Jane Porter and Tom Reyes
            12 March 2025
            LONDON (Wire) - Foreign ministers signed the accord on Tuesday.
            The deal, worth $1.2bn over five years, cuts tariffs by 3.5% and opens two crossings.
        "#]],
    );
}

#[test]
fn us_mid_sentence_and_at_sentence_end() {
    check(
        "The delegation flew to the U.S. The next day, it met U.S. officials and U.N. envoys in New York. It later met U.S. Secretary of State Ann Lowe. U.S. Newsweek covered the visit. Most of the cargo still came from the U.S.",
        expect![[r#"
            The delegation flew to the U.S.
            The next day, it met U.S. officials and U.N. envoys in New York.
            It later met U.S. Secretary of State Ann Lowe.
            U.S. Newsweek covered the visit.
            Most of the cargo still came from the U.S.
        "#]],
    );
}

#[test]
fn titles_and_initials() {
    check(
        "Gen. Smith told reporters that Lt. Col. Mark Hale had been recalled. Dr. Amal Nasser and Prof. Lee Chen, of St. Andrews, disagreed. Sen. Ortiz, Rep. Hall and Gov. Reyes were not consulted. George W. Bush met J. R. R. Tolkien's publisher in 1990. It was, as Mrs. Blake put it, a strange meeting with Mr. Reed.",
        expect![[r#"
            Gen. Smith told reporters that Lt. Col. Mark Hale had been recalled.
            Dr. Amal Nasser and Prof. Lee Chen, of St. Andrews, disagreed.
            Sen. Ortiz, Rep. Hall and Gov. Reyes were not consulted.
            George W. Bush met J. R. R. Tolkien's publisher in 1990.
            It was, as Mrs. Blake put it, a strange meeting with Mr. Reed.
        "#]],
    );
}

#[test]
fn numbers_dates_and_times() {
    check(
        "Inflation rose to 3.5% in Jan. The central bank met on Jan. 5 and again on Sept. 12. The prime minister spoke at No. 10 at 9 a.m. on Monday. Shares in Acme Inc. fell 4.25% at 3 p.m. They recovered by Oct. Profits reached $1.2bn, up from 1,200 million in Aug. 2019.",
        expect![[r#"
            Inflation rose to 3.5% in Jan.
            The central bank met on Jan. 5 and again on Sept. 12.
            The prime minister spoke at No. 10 at 9 a.m. on Monday.
            Shares in Acme Inc. fell 4.25% at 3 p.m.
            They recovered by Oct.
            Profits reached $1.2bn, up from 1,200 million in Aug. 2019.
        "#]],
    );
}

#[test]
fn quotations() {
    check(
        "\"We will not give up,\" the minister said. She added: \"The talks failed. We will try again next month. Nobody should doubt that.\" Reporters asked whether a deal was close. \"Why now?\" Ms. Tan asked. \"Because the clock is running!\" she replied. He called it \"a disaster.\" Then he resigned. She said: “It is over.” Then she left. “Who is next?” he asked. \"Is it over?\" She said she did not know. \"What now?\" I asked.",
        expect![[r#"
            "We will not give up," the minister said.
            She added: "The talks failed.
            We will try again next month.
            Nobody should doubt that."
            Reporters asked whether a deal was close.
            "Why now?" Ms. Tan asked.
            "Because the clock is running!" she replied.
            He called it "a disaster."
            Then he resigned.
            She said: “It is over.”
            Then she left.
            “Who is next?” he asked.
            "Is it over?"
            She said she did not know.
            "What now?" I asked.
        "#]],
    );
}

#[test]
fn ellipses_questions_and_parentheses() {
    check(
        "The talks went on... and on. Then silence… Nobody spoke. Is this the end? Not yet! The war goes on?! The group (which was founded in 2001) denied it. (A spokesman later withdrew the denial.) The matter is closed.",
        expect![[r#"
            The talks went on... and on.
            Then silence…
            Nobody spoke.
            Is this the end?
            Not yet!
            The war goes on?!
            The group (which was founded in 2001) denied it.
            (A spokesman later withdrew the denial.)
            The matter is closed.
        "#]],
    );
}

#[test]
fn latin_and_list_abbreviations() {
    check(
        "Some states, e.g. France and Spain, objected. Others (i.e. the Nordics) abstained. It was Smith vs. Jones all over again. Tanks, jets, drones etc. were on display. Rivals, rebels, etc. The list is long.",
        expect![[r#"
            Some states, e.g. France and Spain, objected.
            Others (i.e. the Nordics) abstained.
            It was Smith vs. Jones all over again.
            Tanks, jets, drones etc. were on display.
            Rivals, rebels, etc.
            The list is long.
        "#]],
    );
}

#[test]
fn bullets_blank_lines_and_wrapped_lines() {
    check(
        "The plan has three parts:\n- a ceasefire along the front line\n- a prisoner exchange\n* talks on the border\n• aid corridors\n1. First phase begins in May.\n2. Second phase follows\n\nA new paragraph has no stop\n\nAnother one starts here. The minister said the\nUnited Nations would send observers, and\nthe army would withdraw.\n",
        expect![[r#"
            The plan has three parts:
            - a ceasefire along the front line
            - a prisoner exchange
            * talks on the border
            • aid corridors
            1. First phase begins in May.
            2. Second phase follows
            A new paragraph has no stop
            Another one starts here.
            The minister said the⏎United Nations would send observers, and⏎the army would withdraw.
        "#]],
    );
}

#[test]
fn more_abbreviations() {
    check(
        "He was born in St. Louis. He moved to the U.S. (and its allies) later. The firm, Acme Co. Ltd., said no. J.R.R. Tolkien met them in Washington, D.C. The talks ended at 5 p.m. They resumed at 9 a.m. Monday. Troops from the U.S. \"will leave,\" he said. Sen. Ann Ray (D-Mass.) said so. The case was Roe v. Wade. See Fig. 3 in Vol. 2 on p. 5 now. Mr. Smith Jr. arrived. Smith Sr. The elder left.",
        expect![[r#"
            He was born in St. Louis.
            He moved to the U.S. (and its allies) later.
            The firm, Acme Co. Ltd., said no.
            J.R.R. Tolkien met them in Washington, D.C.
            The talks ended at 5 p.m.
            They resumed at 9 a.m. Monday.
            Troops from the U.S. "will leave," he said.
            Sen. Ann Ray (D-Mass.) said so.
            The case was Roe v. Wade.
            See Fig. 3 in Vol. 2 on p. 5 now.
            Mr. Smith Jr. arrived.
            Smith Sr.
            The elder left.
        "#]],
    );
}

#[test]
fn known_gaps() {
    // FIXME: after "U.S." only a typical opener starts a new sentence, so a
    // sentence opening with a plain noun stays glued to the one before.
    check(
        "Aid reached the U.S. Congress approved more.",
        expect![[r#"
            Aid reached the U.S. Congress approved more.
        "#]],
    );
}

#[test]
fn numbers_and_line_endings() {
    check(
        "It cost 10 euros. 20 people came. Prices fell in 2019. 2020 was worse.\r\nA Windows line\r\nNext line.\n\"The end.\"\n\"Next quote.\"",
        expect![[r#"
            It cost 10 euros.
            20 people came.
            Prices fell in 2019.
            2020 was worse.
            A Windows line
            Next line.
            "The end."
            "Next quote."
        "#]],
    );
}

#[test]
fn flattened_text() {
    // Paragraphs joined without a space, inline bullets, a leading ellipsis.
    check(
        "The war was the failure of our age.Yet worse was to come. Visit example.com or Mr.Smith's page. • Jo Bloggs is a columnist • This article was amended on 2 May. They fled. … Nobody returned.",
        expect![[r#"
            The war was the failure of our age.
            Yet worse was to come.
            Visit example.com or Mr.Smith's page.
            • Jo Bloggs is a columnist
            • This article was amended on 2 May.
            They fled.
            … Nobody returned.
        "#]],
    );
}

#[test]
fn empty_and_whitespace_only() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\t \u{a0}\n").is_empty());
    check(
        "  One.  ",
        expect![[r#"
        One.
    "#]],
    );
}

#[test]
fn sentence_of_finds_containing_sentence() {
    let text = "First one. Second one.";
    let s = sentences(text);
    assert_eq!(sentence_of(&s, 0), Some(0));
    assert_eq!(sentence_of(&s, 9), Some(0));
    assert_eq!(sentence_of(&s, 10), None);
    assert_eq!(sentence_of(&s, 11), Some(1));
    assert_eq!(sentence_of(&s, 21), Some(1));
    assert_eq!(sentence_of(&s, 22), None);
    assert_eq!(sentence_of(&[], 0), None);
}

#[test]
fn seed_article() {
    let Some(path) = shared::shared_path("seed/000_b71a1b986c91ca77.txt") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("seed article is UTF-8");
    let sents = sentences(&text);
    assert!(sents.len() >= 40, "only {} sentences", sents.len());
    for s in &sents {
        let t = &text[s.span[0]..s.span[1]];
        let first = t.chars().next().expect("sentences are non-empty");
        assert!(!first.is_lowercase(), "starts lowercase: {t:?}");
        assert!(!t.ends_with("U."), "ends inside U.S.: {t:?}");
        assert!(
            !(t == "U.S." || t.starts_with("S. ")),
            "split at U.S.: {t:?}"
        );
    }
}

/// Checks every invariant the segmenter promises.
fn check_invariants(text: &str, sents: &[Sentence]) {
    let mut prev_end = 0;
    for (k, s) in sents.iter().enumerate() {
        let [a, b] = s.span;
        assert_eq!(s.index, k);
        assert!(a < b && b <= text.len(), "span {a}..{b} out of bounds");
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(a >= prev_end, "overlap or disorder at {k}");
        let t = &text[a..b];
        assert_eq!(t, t.trim(), "untrimmed sentence {t:?}");
        assert!(
            text[prev_end..a].trim().is_empty(),
            "gap before {k} holds text"
        );
        prev_end = b;
    }
    assert!(
        text[prev_end..].trim().is_empty(),
        "text after last sentence"
    );
}

fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("?\" ".to_string()),
        Just("…".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("3.5%".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2028}".to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_on_newsy_text(text in newsy()) {
        check_invariants(&text, &sentences(&text));
    }

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>()) {
        check_invariants(&text, &sentences(&text));
    }

    #[test]
    fn sentence_of_agrees_with_spans(text in newsy(), at in 0usize..200) {
        let sents = sentences(&text);
        let found = sentence_of(&sents, at);
        let linear = sents.iter().position(|s| s.span[0] <= at && at < s.span[1]);
        prop_assert_eq!(found, linear);
    }
}

#[test]
fn abbreviations_shared_with_the_quotes_lexer() {
    use text::sentences::{is_abbreviation, is_title};
    for w in [
        "Pres", "Gen", "mr", "U.S", "e.g", "Inc", "Jan", "Calif", "A",
    ] {
        assert!(is_abbreviation(w, " Smith"), "{w}");
    }
    // Reference words only before a number.
    assert!(is_abbreviation("No", " 10"));
    assert!(!is_abbreviation("No", " One"));
    assert!(!is_abbreviation("talks", " The"));
    assert!(!is_abbreviation("", " The"));
    assert!(is_title("pres") && is_title("Gen") && is_title("e.g"));
    assert!(!is_title("jan") && !is_title("inc") && !is_title("no") && !is_title("said"));
}
