//! The topic filter (`events::scope`): conflict events leave sport stories
//! unless a state's people take part, and the document counts them.

use model::{Actor, ActorType, Event, Modality, Participant};
use syntax::topic::Topic;

fn part(code: &str, role: Option<&str>) -> Participant {
    Participant {
        actor: Actor {
            code: code.into(),
            country: Some(code[..3].into()),
            role: role.map(str::to_string),
            name: code.into(),
            id: code.into(),
            kind: ActorType::Country,
        },
        text: code.into(),
        span: [0, 3],
    }
}

fn event(root: &str, source: Participant, target: Participant) -> Event {
    Event {
        sentence: 0,
        span: [4, 8],
        source,
        target,
        cameo: format!("{root}0"),
        root: root.into(),
        plover: String::new(),
        mode: None,
        goldstein: 0.0,
        quad_class: 4,
        modality: Modality::Asserted,
        reported_by: None,
        date: "2024".into(),
        date_precision: "year".into(),
        place: None,
        rule: "test".into(),
        confidence: 0.5,
    }
}

fn topic(class: &str, margin: f32) -> Topic {
    Topic {
        class: class.into(),
        margin,
    }
}

#[test]
fn sport_drops_violence_between_teams_and_counts_it() {
    let mut evs = vec![
        event("19", part("ENG", None), part("DEU", None)),
        event("04", part("ENG", None), part("DEU", None)),
        event("18", part("RUS", Some("MIL")), part("UKR", None)),
    ];
    let d = events::scope::filter("d1", &mut evs, &topic("Sports", 9.0)).expect("a diagnostic");
    assert_eq!(evs.len(), 2, "the meeting and the army's attack stay");
    assert!(evs.iter().any(|e| e.root == "04"));
    assert!(evs.iter().any(|e| e.root == "18"));
    assert!(
        d.message.starts_with("1 event(s) left out"),
        "{}",
        d.message
    );
    assert!(d.message.contains("Sports") && d.message.contains("model:topics"));
}

#[test]
fn world_news_and_unsure_topics_keep_everything() {
    for t in [
        topic("World", 20.0),
        topic("Sports", 1.0),
        topic("Business", 30.0),
    ] {
        let mut evs = vec![event("19", part("ENG", None), part("DEU", None))];
        assert!(events::scope::filter("d1", &mut evs, &t).is_none());
        assert_eq!(evs.len(), 1, "{t:?}");
    }
}

#[test]
fn the_shipped_model_reads_a_match_report_as_sport() {
    let m = syntax::topic::builtin().expect("topics.bin");
    let t = m.classify(
        "England beat Germany 3-1 at Wembley on Saturday, with two goals from the striker \
         in the second half as the coach's side went top of the qualifying group.",
    );
    assert_eq!(t.class, "Sports");
    assert!(t.margin >= events::scope::MIN_MARGIN, "{t:?}");
    let w = m.classify(
        "Russian troops shelled the city overnight as the foreign ministers met in Geneva \
         to discuss a ceasefire, the United Nations said.",
    );
    assert_eq!(w.class, "World", "{w:?}");
}

#[test]
fn only_events_the_filter_may_drop_call_for_a_topic() {
    assert!(events::scope::could_leave(&event(
        "19",
        part("ENG", None),
        part("DEU", None)
    )));
    assert!(!events::scope::could_leave(&event(
        "04",
        part("ENG", None),
        part("DEU", None)
    )));
    assert!(!events::scope::could_leave(&event(
        "19",
        part("RUS", Some("MIL")),
        part("UKR", None)
    )));
}
