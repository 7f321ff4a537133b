//! Golden tests per quote pattern family, on short sentences of our own:
//! one record per line with span text, speaker, style, cue, content and rule.

use expect_test::{expect, Expect};
use model::{Actor, ActorType, Mention, Quote, Speaker};

/// A mention of `name` (its first occurrence in `text`).
fn mention(text: &str, name: &str, code: &str, kind: ActorType) -> Mention {
    let s = text
        .find(name)
        .unwrap_or_else(|| panic!("{name} not in text"));
    Mention {
        span: [s, s + name.len()],
        text: name.to_string(),
        sentence: 0,
        actor: Actor {
            code: code.to_string(),
            country: Some(code[..3].to_string()),
            role: (code.len() > 3).then(|| code[3..].to_string()),
            name: name.to_string(),
            id: name.to_lowercase(),
            kind,
        },
        rule: "test".to_string(),
        discovered: false,
        evidence: None,
    }
}

fn dump(text: &str, quotes: &[Quote]) -> String {
    let mut out = String::new();
    for q in quotes {
        let who = match &q.speaker {
            Speaker::Actor(p) => format!("{}={}", p.text, p.actor.code),
            Speaker::Unresolved { text, country, .. } => {
                format!(
                    "?{text}{}",
                    country.as_ref().map_or(String::new(), |c| format!("@{c}"))
                )
            }
        };
        assert_eq!(&text[q.content_span[0]..q.content_span[1]], q.content);
        assert!(q.span[0] <= q.content_span[0] && q.content_span[1] <= q.span[1]);
        out.push_str(&format!(
            "{} | {} | {} | {:?} | {}\n",
            who, q.style, q.cue, q.content, q.rule
        ));
    }
    out
}

fn check(text: &str, mentions: &[Mention], expect: Expect) {
    let sentences = text::sentences(text);
    let tokens = text::tokens(text);
    let quotes = claims::quotes::quotes(text, &sentences, &tokens, mentions);
    expect.assert_eq(&dump(text, &quotes));
}

#[test]
fn direct_before_colon_and_comma() {
    let t = "Last month, Rabbi Mark Schnayer of the US said: \"Aliyev is committed to peace.\" The minister told reporters, “We will not retreat.”";
    let m = [mention(t, "Mark Schnayer", "USAREL", ActorType::Person)];
    check(
        t,
        &m,
        expect![[r#"
            Mark Schnayer=USAREL | direct | said | "Aliyev is committed to peace." | quote/direct:colon cues.tsv:145
            ?The minister | direct | told | "We will not retreat." | quote/direct:before cues.tsv:170
        "#]],
    );
}

#[test]
fn direct_after() {
    let t = "“The border stays closed,” the ministry said on Tuesday. \"It was a mistake,\" said Jane Doe, a local lawmaker. “Why now?” she asked.";
    check(
        t,
        &[],
        expect![[r#"
            ?the ministry | direct | said | "The border stays closed" | quote/direct:after cues.tsv:145
            ?Jane Doe | direct | said | "It was a mistake" | quote/direct:after cues.tsv:145
            ?she | direct | asked | "Why now?" | quote/direct:after cues.tsv:29
        "#]],
    );
}

#[test]
fn multi_paragraph_and_continuation() {
    let t = "The envoy said: “We met twice in April.\n“Both sides understand the necessity, so talks will go on.”\n“We expect a deal by summer,” he added.\n“Nothing is agreed until everything is agreed.”";
    check(
        t,
        &[],
        expect![[r#"
            ?The envoy | direct | said | "We met twice in April.\n“Both sides understand the necessity, so talks will go on." | quote/direct:colon cues.tsv:145
            ?he | direct | added | "We expect a deal by summer" | quote/direct:after cues.tsv:12
            ?he | direct |  | "Nothing is agreed until everything is agreed." | quote/direct:continuation
        "#]],
    );
}

#[test]
fn nested_single_quotes_stay_inside() {
    let t = "Brinkley recalled, \"Out of nowhere, he said, 'If we do nothing, all bets are off.'\"";
    check(
        t,
        &[],
        expect![[r#"
            ?Brinkley | direct | recalled | "Out of nowhere, he said, 'If we do nothing, all bets are off.'" | quote/direct:before cues.tsv:133
        "#]],
    );
}

#[test]
fn indirect_speech() {
    let t = "The ministry said that the talks would resume. Officials say the border will reopen. According to the ministry, two soldiers were wounded. The army claimed that the strike was defensive. Sources told Israeli media that the visit was postponed. The plan will fail, the analyst warned.";
    check(
        t,
        &[],
        expect![[r#"
            ?The ministry | indirect | said | "the talks would resume" | quote/indirect:that cues.tsv:145
            ?Officials | indirect | say | "the border will reopen" | quote/indirect:that cues.tsv:146
            ?the ministry | indirect | According to | "two soldiers were wounded" | quote/indirect:according-before cues.tsv:7
            ?The army | indirect | claimed | "the strike was defensive" | quote/indirect:that cues.tsv:56
            ?Sources | indirect | told | "the visit was postponed" | quote/indirect:that cues.tsv:170
            ?the analyst | indirect | warned | "The plan will fail" | quote/indirect:after cues.tsv:178
        "#]],
    );
}

#[test]
fn described_as_and_pronoun() {
    let t = "The news did not surprise Schnayer.\nSchnayer recalled: \"Aliyev played a central role.\"\nHe described Azerbaijan as \"Israel's greatest supporter in the Muslim world.\"";
    let mut m = vec![mention(t, "Schnayer", "USAREL", ActorType::Person)];
    let second = t.rfind("Schnayer recalled").unwrap_or(0);
    let mut m2 = m[0].clone();
    m2.span = [second, second + "Schnayer".len()];
    m2.sentence = 1;
    m.push(m2);
    check(
        t,
        &m,
        expect![[r#"
            Schnayer=USAREL | direct | recalled | "Aliyev played a central role." | quote/direct:colon cues.tsv:133
            He=USAREL | direct | described | "Israel's greatest supporter in the Muslim world." | quote/direct:before cues.tsv:80
        "#]],
    );
}

#[test]
fn unnamed_speakers_get_a_country() {
    let t = "Some analysts in Baku are optimistic, drawing the following conclusion: \"Azerbaijan may play an assisting role.\" Experts in Azerbaijan believe that the deal will hold.";
    let m = [
        mention(t, "Baku", "AZE", ActorType::Place),
        mention(t, "Azerbaijan may", "AZE", ActorType::Country),
    ];
    // The second mention is only there to be ignored (it sits inside the quote).
    let m2 = {
        let s = t.rfind("Azerbaijan believe").unwrap_or(0);
        let mut x = mention(t, "Baku", "AZE", ActorType::Country);
        x.span = [s, s + "Azerbaijan".len()];
        x.text = "Azerbaijan".into();
        x
    };
    check(
        t,
        &[m[0].clone(), m2],
        expect![[r#"
            ?Some analysts in Baku@AZE | direct | conclusion | "Azerbaijan may play an assisting role." | quote/direct:colon cues.tsv:187
            ?Experts in Azerbaijan@AZE | indirect | believe | "the deal will hold" | quote/indirect:that cues.tsv:35
        "#]],
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    let t = "The US and Israel view Aliyev as a \"unique figure.\" The \"reverse trade\" flowing out of the republic is oil.";
    check(t, &[], expect![[r#""#]]);
}

#[test]
fn transcript_labels_and_signed_quotes() {
    let t = "PENCE: Well, the question really should be why the campaign was silent.\n“He is someone no sane person would want as president.” ― Carla Sanchez\nAuthor: Jane Doe";
    check(
        t,
        &[],
        expect![[r#"
            ?PENCE | direct | : | "Well, the question really should be why the campaign was silent." | quote/direct:label
            ?Carla Sanchez | direct |  | "He is someone no sane person would want as president." | quote/direct:signed
        "#]],
    );
}

#[test]
fn abbreviations_inside_reported_content() {
    // The sentence splitter's abbreviation list decides here too: "Pres."
    // and "Gen." do not cut the content short.
    let t = "They accused him of criticising Pres. Alpha Conde's ambition. Officials said that Gen. Smith met the envoy on Jan. 5 in St. Louis.";
    check(
        t,
        &[],
        expect![[r#"
            ?They | indirect | accused | "him of criticising Pres. Alpha Conde's ambition" | quote/indirect:that cues.tsv:8
            ?Officials | indirect | said | "Gen. Smith met the envoy on Jan. 5 in St. Louis" | quote/indirect:that cues.tsv:145
        "#]],
    );
}
