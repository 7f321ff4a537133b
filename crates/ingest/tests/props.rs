//! Property tests: no input makes a format parser panic, and ids are stable.

use ingest::{parse, Format, Options};
use proptest::prelude::*;

fn opts() -> Options {
    Options {
        default_date: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        max_bytes: 1 << 20,
        csv: Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_panic_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for f in Format::ALL {
            let _ = parse(&bytes, f, "fuzz", &opts());
        }
    }

    #[test]
    fn no_panic_on_random_markup(s in "[<>a-z/=\" \\n{}:,\\[\\]&;!-]{0,300}") {
        for f in Format::ALL {
            if let Ok(p) = parse(s.as_bytes(), f, "fuzz", &opts()) {
                for d in p.documents {
                    prop_assert!(!d.text.trim().is_empty());
                }
            }
        }
    }

    #[test]
    fn text_ids_are_stable(s in "[A-Za-z .,\\n]{1,200}") {
        let a = parse(s.as_bytes(), Format::Text, "a", &opts());
        let b = parse(s.as_bytes(), Format::Text, "b", &opts());
        if let (Ok(a), Ok(b)) = (a, b) {
            let ia: Vec<_> = a.documents.iter().map(|d| d.id.clone()).collect();
            let ib: Vec<_> = b.documents.iter().map(|d| d.id.clone()).collect();
            prop_assert_eq!(ia, ib);
        }
    }
}
