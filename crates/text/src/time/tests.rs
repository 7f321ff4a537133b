//! Unit, golden and property tests for time expressions.

use super::*;
use expect_test::{expect, Expect};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn run(text: &str, doc: NaiveDate) -> Vec<TimeExpr> {
    times(text, &crate::sentences(text), doc)
}

/// One line per expression: span, text, value, qualifier, type, rule.
fn dump(text: &str, doc: NaiveDate) -> String {
    let mut s = String::new();
    for t in run(text, doc) {
        s.push_str(&format!(
            "{}..{} {:?} {}{} {} {}\n",
            t.span[0],
            t.span[1],
            t.text,
            t.value,
            t.qualifier.map(|q| format!(" ({q})")).unwrap_or_default(),
            t.kind,
            t.rule
        ));
    }
    s
}

fn check(text: &str, doc: NaiveDate, want: Expect) {
    want.assert_eq(&dump(text, doc));
}

/// Value of the first expression whose text is `needle`.
fn value_of(text: &str, doc: NaiveDate, needle: &str) -> Option<String> {
    run(text, doc)
        .into_iter()
        .find(|t| t.text == needle)
        .map(|t| t.value)
}

#[test]
fn seed_style_expectations() {
    // Own sentences with the same kinds of expressions as the seed article.
    let doc = d(2025, 5, 2);
    let text = "Last month, officials in Rome praised the deal.\n\
        The talks held in Oslo in April focused on trade.\n\
        In late January 2025, the company bought a stake in a port.\n\
        Since December 2024, the envoy has stayed away.\n\
        The treaty was signed in 2022.\n\
        The ministers met in Geneva in September 2022. A year later, they met again in Vienna.\n\
        In the past decade, exports doubled.";
    let got: Vec<(String, String, Option<String>)> = run(text, doc)
        .into_iter()
        .map(|t| (t.text, t.value, t.qualifier))
        .collect();
    let want = [
        ("Last month", "2025-04", None),
        ("April", "2025-04", None),
        ("late January 2025", "2025-01", Some("late")),
        ("December 2024", "2024-12", Some("since")),
        ("2022", "2022", None),
        ("September 2022", "2022-09", None),
        ("A year later", "2023", None),
        ("the past decade", "2015/2025", None),
    ];
    let want: Vec<(String, String, Option<String>)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn golden_news_paragraph() {
    // A made-up wire story dated Friday 2 May 2025, touching every rule family.
    let text = "GENEVA, May 2, 2025 -- Negotiators met on Tuesday and will meet again on Tuesday, \
officials said today. Yesterday's session ran until 11:30 p.m.; tonight a dinner is planned. \
The last round was on Jan. 5, and an earlier one on 3 March 2024; the accord itself dates \
from 2025-04-28 (or 04/28/2025 in US style). Earlier this year the envoys spent three years' \
worth of goodwill, and several months of work went in over the past twenty years. \
On 28 April the chair spoke; the previous day she had arrived, and two days later she left. Trade has grown in recent \
years and is now higher than in the 1990s, when talks stalled in mid-March 1995. \
Since December 2024 imports fell 70% and the 50 most influential firms lost ground. \
Growth in the third quarter of 2024 and the first half of this year was weak; next week \
and next month matter more, as do early 2024 figures and those from the summer of 2023. \
Meetings are held every Monday and the board meets daily. Currently the fund is recently \
restructured, it was set up a decade ago and 2,000 people work there on Route 2020.";
    check(
        text,
        d(2025, 5, 2),
        expect![[r#"
            8..19 "May 2, 2025" 2025-05-02 date absolute:month-day-year
            42..49 "Tuesday" 2025-04-29 date weekday:past
            73..80 "Tuesday" 2025-05-06 date weekday:future
            97..102 "today" 2025-05-02 date deictic:today
            104..113 "Yesterday" 2025-05-01 date deictic:yesterday
            134..144 "11:30 p.m." 2025-05-02T23:30 time time:clock
            146..153 "tonight" 2025-05-02TNI time deictic:tonight
            197..203 "Jan. 5" 2025-01-05 date absolute:month-day
            227..239 "3 March 2024" 2024-03-03 date absolute:day-month-year
            270..280 "2025-04-28" 2025-04-28 date absolute:numeric
            285..295 "04/28/2025" 2025-04-28 date absolute:numeric
            310..327 "Earlier this year" 2025 (early) date relative:earlier-later-this
            345..356 "three years" P3Y duration duration:count
            381..395 "several months" PXM duration duration:count
            417..438 "the past twenty years" P20Y duration relative:span
            443..451 "28 April" 2025-04-28 date absolute:day-month
            469..485 "the previous day" 2025-04-27 date relative:anchor-unit
            507..521 "two days later" 2025-04-29 date relative:anchor-offset
            551..563 "recent years" PAST_REF date deictic:past
            571..574 "now" PRESENT_REF date deictic:present
            590..599 "the 1990s" 199X date decade
            623..637 "mid-March 1995" 1995-03 (mid) date month-year
            645..658 "December 2024" 2024-12 (since) date month-year
            733..758 "the third quarter of 2024" 2024-Q3 date quarter
            763..790 "the first half of this year" 2025-H1 date half
            801..810 "next week" 2025-W19 date relative:next-unit
            815..825 "next month" 2025-06 date relative:next-unit
            845..855 "early 2024" 2024 (early) date year
            879..897 "the summer of 2023" 2023-SU date season-year
            917..929 "every Monday" XXXX-WXX-1 set set
            950..955 "daily" P1D set set
            957..966 "Currently" PRESENT_REF date deictic:present
            979..987 "recently" PAST_REF date deictic:past
            1016..1028 "a decade ago" 2015 date relative:ago
        "#]],
    );
}

#[test]
fn weekday_tense_and_same_day() {
    let doc = d(2025, 5, 2); // a Friday
    assert_eq!(
        value_of("He spoke on Friday.", doc, "Friday").as_deref(),
        Some("2025-05-02")
    );
    assert_eq!(
        value_of("He spoke on Monday.", doc, "Monday").as_deref(),
        Some("2025-04-28")
    );
    assert_eq!(
        value_of("They will vote on Monday.", doc, "Monday").as_deref(),
        Some("2025-05-05")
    );
    assert_eq!(
        value_of("She left last Friday.", doc, "last Friday").as_deref(),
        Some("2025-04-25")
    );
}

#[test]
fn not_times() {
    let doc = d(2025, 5, 2);
    for s in [
        "About 70% of imports, 2000 troops and the 50 most influential people.",
        "Resolution 2254 was cited; call 555-1234.",
        "A 6-year-old boy, aged 52 years old, may march in Mayfield.",
        "Pay rose to $2025 a month? No: to 1,999 dollars.",
        "The Arab Spring and the Prague Spring.",
        "Todays and nowhere and yesterdays-news are not words we match.",
    ] {
        let got: Vec<String> = run(s, doc).into_iter().map(|t| t.text).collect();
        assert!(got.iter().all(|t| t == "a month"), "{s:?} -> {got:?}");
    }
}

#[test]
fn anchors_chain() {
    let doc = d(2025, 5, 2);
    let text = "The war began on 3 March 2020. Two days later the border closed. \
        The following year talks began, and a year later they failed.";
    let got: Vec<(String, String)> = run(text, doc)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect();
    assert_eq!(
        got,
        [
            ("3 March 2020", "2020-03-03"),
            ("Two days later", "2020-03-05"),
            ("The following year", "2021"),
            ("a year later", "2022"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn golden_more_families() {
    let text = "Over the past decade, and in the 20th century before it, markets met on Fridays. \
By year-end, after the weekend and Christmas, the 1988 quarter looked weak; a year earlier \
it had been fine. In the summer the envoy left and nineteen ninety-six was quiet. \
Tuesday morning the talks resumed at 9 a.m. Wednesday, five-year bonds fell for weeks.";
    check(
        text,
        d(1989, 10, 26),
        expect![[r#"
        5..20 "the past decade" 1979/1989 date relative:past-range
        29..45 "the 20th century" 19 date century
        72..79 "Fridays" XXXX-WXX-5 set set:weekday-plural
        84..92 "year-end" 1989 (late) date deictic:year-end
        100..111 "the weekend" 1989-W42-WE (after) date deictic:weekend
        116..125 "Christmas" 1989-12-25 date holiday
        127..143 "the 1988 quarter" 1988-Q3 date quarter:the
        157..171 "a year earlier" 1987-Q3 date relative:anchor-offset
        193..203 "the summer" 1989-SU date season
        223..242 "nineteen ninety-six" 1996 date year:words
        254..269 "Tuesday morning" 1989-10-24TMO time weekday-part
        291..307 "9 a.m. Wednesday" 1989-10-25T09:00 time time:clock
        309..318 "five-year" P5Y duration duration:adjective
        334..339 "weeks" PXW duration duration:bare-plural
    "#]],
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn spans_slice_back(s in "\\PC{0,200}") {
        let doc = d(2025, 5, 2);
        for t in run(&s, doc) {
            prop_assert!(t.span[0] < t.span[1] && t.span[1] <= s.len());
            prop_assert!(s.is_char_boundary(t.span[0]) && s.is_char_boundary(t.span[1]));
            prop_assert_eq!(&s[t.span[0]..t.span[1]], t.text.as_str());
        }
    }

    #[test]
    fn no_panic_on_time_like_noise(
        words in proptest::collection::vec(
            prop_oneof![
                Just("May"), Just("2"), Just(","), Just("2025"), Just("last"), Just("the"),
                Just("past"), Just("decade"), Just("ago"), Just("a"), Just("year"), Just("later"),
                Just("-"), Just("mid"), Just("."), Just("Jan"), Just("31"), Just("99"), Just("/"),
                Just("Tuesday"), Just("night"), Just("9999"), Just("0"), Just(":"), Just("p.m."),
                Just("fiscal"), Just("quarter"), Just("third"), Just("'"), Just("90s"), Just("é"),
            ],
            0..40,
        ),
        y in 1i32..9000, m in 1u32..13, dd in 1u32..29,
    ) {
        let s = words.join(" ");
        let doc = d(y, m, dd);
        for t in run(&s, doc) {
            prop_assert_eq!(&s[t.span[0]..t.span[1]], t.text.as_str());
        }
    }
}

/// Every lower-case word written anywhere in the rule sources (a superset of
/// the words any rule compares with), plus a few plain English words.
fn source_words() -> Vec<String> {
    let src = [
        include_str!("rules.rs"),
        include_str!("lex.rs"),
        include_str!("value.rs"),
    ]
    .concat();
    let mut w: Vec<String> = src
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    for extra in [
        "mondays",
        "fridays",
        "q1",
        "q4",
        "q9",
        "qx",
        "said",
        "government",
        "é",
    ] {
        w.push(extra.to_string());
    }
    w.sort();
    w.dedup();
    w
}

/// `may_start` skips a determiner before a word that cannot start an
/// expression: check that the rules find nothing there, for every word of the
/// rule sources after each determiner (in lower and title case) and before
/// each word a rule looks at next.
#[test]
fn skipped_determiners_start_nothing() {
    let words = source_words();
    let doc = d(2025, 5, 2);
    let nexts: Vec<String> = words
        .iter()
        .filter(|w| {
            let toks = lex::tokenise(w);
            let p = P::new(w, toks, doc, vec![0]);
            p.may_start(0)
        })
        .cloned()
        .chain(
            [
                "-", "'", ".", ",", ":", "/", "2020", "5", "5th", "90s", "of",
            ]
            .map(String::from),
        )
        .collect();
    let anchor = V::Day(doc);
    let mut bad = Vec::new();
    let seconds: Vec<String> = words
        .iter()
        .cloned()
        .chain(
            [
                "-", "'", ".", ",", ":", "/", "(", "\"", "2020", "5", "5th", "90s",
            ]
            .map(String::from),
        )
        .collect();
    for det in ["the", "a", "an", "that", "The", "A", "An", "That"] {
        let mut check = |text: String| {
            let toks = lex::tokenise(&text);
            let n = toks.len();
            let p = P::new(&text, toks, doc, vec![0; n]);
            if !p.may_start(0) && p.at(0, &anchor).is_some() {
                bad.push(text);
            }
        };
        for w in &seconds {
            for sep0 in [" ", "-"] {
                for nx in &nexts {
                    for sep in [" ", "-"] {
                        check(format!("{det}{sep0}{w}{sep}{nx} year 2020"));
                    }
                }
            }
            // Two words no rule starts on ("the long term").
            for nx in &words {
                check(format!("{det} {w} {nx} year 2020"));
            }
        }
    }
    assert!(bad.is_empty(), "skipped but matching: {bad:?}");
}

#[test]
fn start_words_are_sorted() {
    assert!(rules::START_WORDS.windows(2).all(|p| p[0] < p[1]));
}

/// `times` skips words for which `may_start` is false: check that the rules
/// really find nothing there, for every word of the rule sources (in lower
/// and title case) followed by each word a rule looks at next.
#[test]
fn skipped_words_start_nothing() {
    let words = source_words();
    let nexts: Vec<String> = words
        .iter()
        .filter(|w| {
            let toks = lex::tokenise(w);
            let p = P::new(w, toks, d(2025, 5, 2), vec![0]);
            p.may_start(0)
        })
        .cloned()
        .chain(["-", "'", ".", ",", ":", "/", "2020", "5", "5th", "90s"].map(String::from))
        .collect();
    let doc = d(2025, 5, 2);
    let anchor = V::Day(doc);
    let mut bad = Vec::new();
    for w in &words {
        let title = {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        for first in [w.as_str(), title.as_str()] {
            for nx in &nexts {
                for sep in [" ", "-"] {
                    let text = format!("{first}{sep}{nx} year 2020");
                    let toks = lex::tokenise(&text);
                    let n = toks.len();
                    let p = P::new(&text, toks, doc, vec![0; n]);
                    if !p.may_start(0) && p.at(0, &anchor).is_some() {
                        bad.push(text);
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "skipped but matching: {bad:?}");
}

/// `lex::tokenise` as first written, over `char_indices`.
fn tokenise_reference(text: &str) -> Vec<(usize, usize, lex::K, bool)> {
    let mut out = Vec::new();
    let mut space = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let mut e = i + c.len_utf8();
        let k = if c.is_alphanumeric() {
            let mut all_digits = c.is_ascii_digit();
            let lead_digit = all_digits;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    e = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            if all_digits {
                lex::K::Num
            } else if lead_digit {
                lex::K::NumSuffix
            } else {
                lex::K::Word
            }
        } else {
            lex::K::Punct
        };
        out.push((i, e, k, space));
        space = false;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn tokenise_matches_reference(s in "(\\PC|[ \\n\\t0-9a-zA-Z.,'-]){0,120}") {
        let got: Vec<_> = lex::tokenise(&s).iter().map(|t| (t.s, t.e, t.k, t.space)).collect();
        prop_assert_eq!(got, tokenise_reference(&s));
    }
}
